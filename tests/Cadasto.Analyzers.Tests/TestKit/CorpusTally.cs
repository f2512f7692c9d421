namespace Cadasto.Analyzers.Tests.TestKit;

/// <summary>
/// True positives, false positives and false negatives of a labelled corpus (or of one rule, family or file of it),
/// with the precision and recall the corpus tests hold the rules to. Nothing found and nothing expected counts as 1.0.
/// </summary>
internal readonly record struct CorpusTally(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1.0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>This tally with one more finding that was <paramref name="expected"/> and/or <paramref name="found"/>.</summary>
    public CorpusTally Count(bool expected, bool found) => new(
        TruePositives + (expected && found ? 1 : 0),
        FalsePositives + (!expected && found ? 1 : 0),
        FalseNegatives + (expected && !found ? 1 : 0));

    public override string ToString() => $"TP {TruePositives}, FP {FalsePositives}, FN {FalseNegatives}";
}
