using DriftWatch.Serving.Generation;

namespace DriftWatch.Serving.Simulation;

/// <summary>One stretch of simulated traffic: a scenario played for a duration (its progress runs from 0 to 1 over it).</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Duration">How long it plays.</param>
/// <param name="Title">A short title for live views.</param>
public sealed record SimulationPhase(DriftScenario Scenario, TimeSpan Duration, string Title);
