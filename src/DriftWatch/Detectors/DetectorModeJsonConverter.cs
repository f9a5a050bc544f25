using System.Text.Json;
using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>Writes and reads <see cref="DetectorMode"/> as River's lower-case names (<c>both</c>, <c>up</c>, <c>down</c>); numbers are rejected.</summary>
/// <remarks><threadsafety>Stateless; safe to use from any thread.</threadsafety></remarks>
internal sealed class DetectorModeJsonConverter : JsonStringEnumConverter<DetectorMode>
{
    /// <summary>Initializes a new instance of the <see cref="DetectorModeJsonConverter"/> class.</summary>
    public DetectorModeJsonConverter()
        : base(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    {
    }
}
