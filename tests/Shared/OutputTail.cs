using System.Diagnostics;

namespace DriftWatch.Testing;

/// <summary>The last lines a child process wrote (stdout and stderr interleaved), kept to explain a failed start.</summary>
internal sealed class OutputTail
{
    private readonly Queue<string> _lines = new();
    private readonly int _capacity;

    /// <summary>Initializes a new instance of the <see cref="OutputTail"/> class and starts reading the process's redirected output.</summary>
    /// <param name="process">A started process with standard output and error redirected.</param>
    /// <param name="capacity">How many of the last lines to keep.</param>
    public OutputTail(Process process, int capacity = 40)
    {
        _capacity = capacity;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Returns the kept lines, oldest first, one per line.</summary>
    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            if (_lines.Count == _capacity)
            {
                _lines.Dequeue();
            }

            _lines.Enqueue(line);
        }
    }
}
