
namespace Cadasto.Analyzers;

/// <summary>The standard category names (the ones the .NET analyzers use).</summary>
public static class DiagnosticCategories
{
    public const string Security = "Security";
    public const string Usage = "Usage";
    public const string Design = "Design";
}
