using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Cadasto.Scanning;

/// <summary>
/// Where a scan's time went (<see cref="ScanOptions.Profile"/>, <c>cadasto scan --profile</c>): thread time per phase
/// (summed over the projects analysed in parallel) and, from Roslyn's own accounting
/// (<c>logAnalyzerExecutionTime</c>), the time each analyzer's callbacks took. What the analysis phase took beyond the
/// analyzers' own time is the compiler binding what they ask for, and the analyzer driver.
/// </summary>
public sealed class ScanProfile
{
    private readonly ConcurrentDictionary<string, long> _phases = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _analyzers = new(StringComparer.Ordinal);

    /// <summary>Phases in the order they first ran, with their summed time.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases =>
        _phases.Select(p => (p.Key, Stopwatch.GetElapsedTime(0, p.Value))).OrderByDescending(p => p.Item2).ToList();

    /// <summary>Every analyzer's execution time, summed over the projects, most expensive first.</summary>
    public IReadOnlyList<(string Analyzer, TimeSpan Time)> Analyzers =>
        _analyzers.Select(a => (a.Key, a.Value)).OrderByDescending(a => a.Item2).ToList();

    /// <summary>Starts timing <paramref name="phase"/> until the returned value is disposed.</summary>
    public Timing Measure(string phase) => new(this, phase, Stopwatch.GetTimestamp());

    public void AddPhase(string phase, long stopwatchTicks) => _phases.AddOrUpdate(phase, stopwatchTicks, (_, sum) => sum + stopwatchTicks);

    public void AddAnalyzer(string analyzer, TimeSpan time) => _analyzers.AddOrUpdate(analyzer, time, (_, sum) => sum + time);

    /// <summary>A running measurement of one phase.</summary>
    public readonly struct Timing : IDisposable
    {
        private readonly ScanProfile? _profile;
        private readonly string _phase;
        private readonly long _started;

        internal Timing(ScanProfile? profile, string phase, long started)
        {
            _profile = profile;
            _phase = phase;
            _started = started;
        }

        public void Dispose() => _profile?.AddPhase(_phase, Stopwatch.GetTimestamp() - _started);
    }
}

/// <summary>Timing that costs nothing when no profile is asked for.</summary>
internal static class ScanProfileExtensions
{
    public static ScanProfile.Timing Phase(this ScanProfile? profile, string phase) =>
        profile is null ? default : profile.Measure(phase);
}
