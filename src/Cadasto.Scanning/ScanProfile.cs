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
    private readonly ConcurrentBag<(string Project, TimeSpan Time)> _projects = new();
    private readonly object _inFlightLock = new();
    private readonly List<long> _ticksAtInFlight = new();
    private int _inFlight;
    private long _inFlightSince = Stopwatch.GetTimestamp();

    /// <summary>Phases in the order they first ran, with their summed time.</summary>
    public IReadOnlyList<(string Phase, TimeSpan Time)> Phases =>
        _phases.Select(p => (p.Key, Stopwatch.GetElapsedTime(0, p.Value))).OrderByDescending(p => p.Item2).ToList();

    /// <summary>Every analyzer's execution time, summed over the projects, most expensive first.</summary>
    public IReadOnlyList<(string Analyzer, TimeSpan Time)> Analyzers =>
        _analyzers.Select(a => (a.Key, a.Value)).OrderByDescending(a => a.Item2).ToList();

    /// <summary>
    /// Wall time spent with 0, 1, 2… projects in flight (loading or analysing) at once: how busy the workers kept the
    /// cores. Index <c>k</c> is the time with exactly <c>k</c> projects in flight.
    /// </summary>
    public IReadOnlyList<TimeSpan> TimeByProjectsInFlight
    {
        get
        {
            lock (_inFlightLock)
            {
                Account(Stopwatch.GetTimestamp());
                return _ticksAtInFlight.Select(t => Stopwatch.GetElapsedTime(0, t)).ToList();
            }
        }
    }

    /// <summary>The projects that took longest from the start of their load to the end of their analysis (wall time).</summary>
    public IReadOnlyList<(string Project, TimeSpan Time)> SlowestProjects(int count) =>
        _projects.OrderByDescending(p => p.Time).ThenBy(p => p.Project, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>A project starts loading; dispose the result when its analysis is over.</summary>
    public Timing ProjectStarted(string project)
    {
        lock (_inFlightLock)
        {
            Account(Stopwatch.GetTimestamp());
            _inFlight++;
        }

        return new Timing(this, project, Stopwatch.GetTimestamp(), isProject: true);
    }

    private void ProjectFinished(string project, long started)
    {
        var now = Stopwatch.GetTimestamp();
        _projects.Add((project, Stopwatch.GetElapsedTime(started, now)));
        lock (_inFlightLock)
        {
            Account(now);
            _inFlight--;
        }
    }

    private void Account(long now)
    {
        while (_ticksAtInFlight.Count <= _inFlight)
        {
            _ticksAtInFlight.Add(0);
        }

        _ticksAtInFlight[_inFlight] += now - _inFlightSince;
        _inFlightSince = now;
    }

    /// <summary>Starts timing <paramref name="phase"/> until the returned value is disposed.</summary>
    public Timing Measure(string phase) => new(this, phase, Stopwatch.GetTimestamp());

    public void AddPhase(string phase, long stopwatchTicks) => _phases.AddOrUpdate(phase, stopwatchTicks, (_, sum) => sum + stopwatchTicks);

    public void AddAnalyzer(string analyzer, TimeSpan time) => _analyzers.AddOrUpdate(analyzer, time, (_, sum) => sum + time);

    /// <summary>A running measurement of one phase, or of one project in flight.</summary>
    public readonly struct Timing : IDisposable
    {
        private readonly ScanProfile? _profile;
        private readonly string _name;
        private readonly long _started;
        private readonly bool _isProject;

        internal Timing(ScanProfile? profile, string name, long started, bool isProject = false)
        {
            _profile = profile;
            _name = name;
            _started = started;
            _isProject = isProject;
        }

        public void Dispose()
        {
            if (_isProject)
            {
                _profile?.ProjectFinished(_name, _started);
            }
            else
            {
                _profile?.AddPhase(_name, Stopwatch.GetTimestamp() - _started);
            }
        }
    }
}

/// <summary>Timing that costs nothing when no profile is asked for.</summary>
internal static class ScanProfileExtensions
{
    public static ScanProfile.Timing Phase(this ScanProfile? profile, string phase) =>
        profile is null ? default : profile.Measure(phase);

    public static ScanProfile.Timing Project(this ScanProfile? profile, string project) =>
        profile is null ? default : profile.ProjectStarted(project);
}
