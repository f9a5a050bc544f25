using System.Text.Json.Serialization;

namespace DriftWatch.Detectors;

/// <summary>
/// Source-generated System.Text.Json metadata for detector snapshots and options: no reflection at run time, so
/// snapshots work in trimmed and native AOT applications.
/// </summary>
/// <remarks>
/// The settings are those the snapshots were first written with: River's snake_case names (from the attributes),
/// ±∞ as <c>"Infinity"</c>/<c>"-Infinity"</c> (several detectors start from ±∞), lower-case mode names, unknown
/// members rejected, null options (KSWIN's <c>window</c>) left out. <c>SnapshotCompatibilityTests</c> restores snapshots
/// written by the earlier reflection-based serializer and checks the text written back is identical.
/// <threadsafety>Immutable after construction; safe to use from any thread.</threadsafety>
/// </remarks>
[JsonSourceGenerationOptions(
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(DetectorModeJsonConverter)])]
[JsonSerializable(typeof(DetectorJson.Snapshot<AdwinOptions, Adwin.State>), TypeInfoPropertyName = "AdwinSnapshot")]
[JsonSerializable(typeof(Adwin.State), TypeInfoPropertyName = "AdwinState")]
[JsonSerializable(typeof(Adwin.RowState), TypeInfoPropertyName = "AdwinRowState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<PageHinkleyOptions, PageHinkley.State>), TypeInfoPropertyName = "PageHinkleySnapshot")]
[JsonSerializable(typeof(PageHinkley.State), TypeInfoPropertyName = "PageHinkleyState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<KswinOptions, Kswin.State>), TypeInfoPropertyName = "KswinSnapshot")]
[JsonSerializable(typeof(Kswin.State), TypeInfoPropertyName = "KswinState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<DdmOptions, Ddm.State>), TypeInfoPropertyName = "DdmSnapshot")]
[JsonSerializable(typeof(Ddm.State), TypeInfoPropertyName = "DdmState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<EddmOptions, Eddm.State>), TypeInfoPropertyName = "EddmSnapshot")]
[JsonSerializable(typeof(Eddm.State), TypeInfoPropertyName = "EddmState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<HddmAOptions, HddmA.State>), TypeInfoPropertyName = "HddmASnapshot")]
[JsonSerializable(typeof(HddmA.State), TypeInfoPropertyName = "HddmAState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<HddmWOptions, HddmW.State>), TypeInfoPropertyName = "HddmWSnapshot")]
[JsonSerializable(typeof(HddmW.State), TypeInfoPropertyName = "HddmWState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<FhddmOptions, Fhddm.State>), TypeInfoPropertyName = "FhddmSnapshot")]
[JsonSerializable(typeof(Fhddm.State), TypeInfoPropertyName = "FhddmState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<CusumOptions, Cusum.State>), TypeInfoPropertyName = "CusumSnapshot")]
[JsonSerializable(typeof(Cusum.State), TypeInfoPropertyName = "CusumState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<EwmaOptions, Ewma.State>), TypeInfoPropertyName = "EwmaSnapshot")]
[JsonSerializable(typeof(Ewma.State), TypeInfoPropertyName = "EwmaState")]
[JsonSerializable(typeof(DetectorJson.Snapshot<ShewhartOptions, Shewhart.State>), TypeInfoPropertyName = "ShewhartSnapshot")]
[JsonSerializable(typeof(Shewhart.State), TypeInfoPropertyName = "ShewhartState")]
internal sealed partial class DetectorJsonContext : JsonSerializerContext;
