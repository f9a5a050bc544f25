using Microsoft.Extensions.Logging;

namespace DriftWatch.AspNetCore.Tests.Drift;

/// <summary>Records every log entry the service writes (after its level filters), with its category.</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly List<(string Category, LogLevel Level, Exception? Exception, string Message)> _entries = [];

    /// <summary>Gets a copy of the entries so far.</summary>
    public IReadOnlyList<(string Category, LogLevel Level, Exception? Exception, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (provider._entries)
            {
                provider._entries.Add((category, logLevel, exception, formatter(state, exception)));
            }
        }
    }
}
