namespace DriftWatch.Tests.Data;

/// <summary>A file in a fresh temporary directory, deleted on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _directory;

    public TempFile(string name)
    {
        _directory = Directory.CreateTempSubdirectory("driftwatch-test-").FullName;
        Path = System.IO.Path.Combine(_directory, name);
    }

    public string Path { get; }

    public static TempFile WithText(string name, string text)
    {
        var file = new TempFile(name);
        File.WriteAllText(file.Path, text);
        return file;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
