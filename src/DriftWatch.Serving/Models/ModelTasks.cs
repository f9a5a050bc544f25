namespace DriftWatch.Serving.Models;

/// <summary>The wire names of <see cref="ModelTask"/> values (<c>binary_classification</c>, <c>regression</c>).</summary>
public static class ModelTasks
{
    /// <summary>Gets the wire name of a task.</summary>
    /// <param name="task">The task.</param>
    /// <returns><c>binary_classification</c> or <c>regression</c>.</returns>
    public static string GetName(ModelTask task) =>
        task == ModelTask.Regression ? "regression" : "binary_classification";

    /// <summary>Parses a wire name.</summary>
    /// <param name="name">The name (case-insensitive).</param>
    /// <param name="task">The task when known.</param>
    /// <returns><see langword="true"/> when the name is known.</returns>
    public static bool TryParse(string? name, out ModelTask task)
    {
        task = ModelTask.BinaryClassification;
        if (string.Equals(name, "binary_classification", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(name, "regression", StringComparison.OrdinalIgnoreCase))
        {
            task = ModelTask.Regression;
            return true;
        }

        return false;
    }
}
