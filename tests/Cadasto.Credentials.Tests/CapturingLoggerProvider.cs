using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Cadasto.Credentials.Tests;

/// <summary>
/// A real logger provider that keeps everything a sink could write: the formatted message, the
/// exception text, and every structured value as text and as JSON (what structured sinks store).
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToList();

    public string AllText => string.Join("\n", _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}: {formatter(state, exception)}" };
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    parts.Add($"{key}={value}");
                    parts.Add($"{key}:json={Json(value)}");
                }
            }

            owner._entries.Enqueue(string.Join(" | ", parts));
        }

        private static string Json(object? value)
        {
            try
            {
                return JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object));
            }
            catch (NotSupportedException exception)
            {
                return "(not serializable: " + exception.Message + ")";
            }
        }
    }
}
