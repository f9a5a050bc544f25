using DriftWatch.Serving.Models;

namespace DriftWatch.AspNetCore.Hosting;

/// <summary>A model served under another name or version than its own.</summary>
internal sealed class RenamedModel(IModel inner, string name, string? version = null) : IModel
{
    public string Name => name;

    public string Version => version ?? inner.Version;

    public ModelTask Task => inner.Task;

    public ModelSchema Schema => inner.Schema;

    public void Predict(FeatureBatch batch, Span<ModelOutput> outputs) => inner.Predict(batch, outputs);
}
