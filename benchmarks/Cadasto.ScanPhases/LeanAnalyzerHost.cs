using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Cadasto.ScanPhases;

/// <summary>
/// A measuring device (the <c>lean</c> and <c>bind</c> phases), not the scan's path: runs analyzers over chosen trees of a
/// compilation without <see cref="CompilationWithAnalyzers"/>'s driver, which asks the compiler for every diagnostic of the
/// whole compilation to raise its events (every declaration checked, every method body bound and flow-analysed). Here
/// only the operations of the trees the prefilter keeps are bound, on demand, by the semantic model. Measured in
/// docs/performance.md ("Session 8: driver15"): the same diagnostics for 5–21 % less CPU, short of what would justify a
/// second analysis path in the product. What the driver does and this host does too:
/// <list type="bullet">
/// <item>each analyzer's <c>Initialize</c> once, its compilation-start actions once per compilation;</item>
/// <item>per tree: semantic-model actions; syntax-node actions on every node of a registered kind; operation actions on
/// every operation of the executable code blocks the driver visits (bodies, expression bodies, constructor initializers
/// and primary-constructor base arguments, field, property and enum-member initializers, parameter defaults,
/// attribute arguments, top-level statements), with the declared symbol as <c>ContainingSymbol</c>;</item>
/// <item>additional-file actions once per file;</item>
/// <item>generated code skipped (<see cref="GeneratedCodeAnalysisFlags.None"/>: generated trees, declarations marked
/// <c>[GeneratedCode]</c>, <c>#line hidden</c> code), unsupported descriptors and analyzer exceptions reported as the
/// driver reports them (AD0001), severities and suppressions through <see cref="CompilationWithAnalyzers.GetEffectiveDiagnostics(IEnumerable{Diagnostic}, Compilation)"/>.</item>
/// </list>
/// An analyzer that registers anything else (symbol, code-block, syntax-tree, compilation or compilation-end actions,
/// or generated-code analysis) is not run here: <see cref="Analyze"/> returns null and the caller uses the driver.
/// </summary>
internal static class LeanAnalyzerHost
{
    private static readonly ConditionalWeakTable<DiagnosticAnalyzer, Registrations> Initialized = new();

    private static int _fallbacks;

    /// <summary>Compilations this host left to the driver so far (an analyzer registered an action it does not run).</summary>
    public static int Fallbacks => Volatile.Read(ref _fallbacks);

    /// <summary>
    /// The effective diagnostics of <paramref name="analyzers"/> on <paramref name="trees"/> and the additional files of
    /// <paramref name="options"/>, or null when one of them needs the full driver.
    /// </summary>
    public static ImmutableArray<Diagnostic>? Analyze(
        Compilation compilation,
        AnalyzerOptions options,
        ImmutableArray<SyntaxTree> trees,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        Action<Exception, DiagnosticAnalyzer> onAnalyzerException,
        CancellationToken cancellationToken)
    {
        var host = new Host(onAnalyzerException, cancellationToken);

        // The rules ask the compilation for semantic models of other trees (constant tracing, flows): the driver's clone of it
        // hands out one cached model per tree, so what one action bound, the next finds bound. Nothing is analysed by it here.
        compilation = new CompilationWithAnalyzers(compilation, analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false)).Compilation;
        var started = new List<Actions>(analyzers.Length);
        foreach (var analyzer in analyzers)
        {
            var registrations = Initialized.GetValue(analyzer, Registrations.Record);
            if (!registrations.Supported)
            {
                Interlocked.Increment(ref _fallbacks);
                return null;
            }

            var actions = new Actions(analyzer);
            actions.AddRange(registrations.Direct);
            foreach (var start in registrations.CompilationStart)
            {
                var context = new StartContext(compilation, options, actions, cancellationToken);
                if (!host.Run(analyzer, () => start(context)))
                {
                    actions.Clear();
                    break;
                }

                if (!context.Supported)
                {
                    Interlocked.Increment(ref _fallbacks);
                    return null;
                }
            }

            started.Add(actions);
        }

        var diagnostics = new List<Diagnostic>();
        foreach (var tree in trees)
        {
            if (IsGeneratedTree(tree, compilation, cancellationToken))
            {
                continue;
            }

            AnalyzeTree(compilation, options, tree, started, diagnostics, host, cancellationToken);
        }

        var fileActions = started.Where(a => a.AdditionalFile.Count > 0).ToList();
        if (fileActions.Count > 0 && !FileContexts.Available)
        {
            Interlocked.Increment(ref _fallbacks);
            return null;
        }

        if (fileActions.Count > 0)
        {
            foreach (var file in options.AdditionalFiles)
            {
                foreach (var actions in fileActions)
                {
                    var context = FileContexts.Create(file, options, Reporter(actions.Analyzer, diagnostics), IsSupported(actions.Analyzer), compilation, cancellationToken);
                    foreach (var action in actions.AdditionalFile)
                    {
                        host.Run(actions.Analyzer, () => action(context));
                    }
                }
            }
        }

        return CompilationWithAnalyzers.GetEffectiveDiagnostics(diagnostics.Where(d => !InGeneratedCode(d, compilation, cancellationToken)), compilation).ToImmutableArray();
    }

    private static void AnalyzeTree(Compilation compilation, AnalyzerOptions options, SyntaxTree tree, List<Actions> analyzers, List<Diagnostic> diagnostics, Host host, CancellationToken cancellationToken)
    {
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot(cancellationToken);
        var generated = GeneratedDeclarations(root, model, cancellationToken);

        // Operations first: the bodies they bind stay in the model for the syntax-node and semantic-model actions.
        AnalyzeOperations(compilation, options, root, model, generated, analyzers, diagnostics, host, cancellationToken);

        if (analyzers.Any(a => a.SyntaxNode.Count > 0))
        {
            foreach (var node in root.DescendantNodesAndSelf(n => !generated.Contains(n)))
            {
                var kind = node.Kind();
                foreach (var actions in analyzers)
                {
                    if (!actions.SyntaxNode.TryGetValue(kind, out var nodeActions) || generated.Contains(node))
                    {
                        continue;
                    }

#pragma warning disable CS0618 // See above.
                    var context = new SyntaxNodeAnalysisContext(node, DeclaredSymbolAround(node, model, cancellationToken), model, options, Reporter(actions.Analyzer, diagnostics), IsSupported(actions.Analyzer), cancellationToken);
#pragma warning restore CS0618
                    foreach (var action in nodeActions)
                    {
                        host.Run(actions.Analyzer, () => action(context));
                    }
                }
            }
        }

        // Last, as in the driver (its compilation-unit-completed event).
        foreach (var actions in analyzers)
        {
            if (actions.SemanticModel.Count == 0)
            {
                continue;
            }

#pragma warning disable CS0618 // The public constructor: the driver's own adds a filter span and a generated-code flag no rule reads.
            var context = new SemanticModelAnalysisContext(model, options, Reporter(actions.Analyzer, diagnostics), IsSupported(actions.Analyzer), cancellationToken);
#pragma warning restore CS0618
            foreach (var action in actions.SemanticModel)
            {
                host.Run(actions.Analyzer, () => action(context));
            }
        }
    }

    private static void AnalyzeOperations(Compilation compilation, AnalyzerOptions options, SyntaxNode root, SemanticModel model, HashSet<SyntaxNode> generated, List<Actions> analyzers, List<Diagnostic> diagnostics, Host host, CancellationToken cancellationToken)
    {
        if (analyzers.All(a => a.Operation.Count == 0))
        {
            return;
        }

        foreach (var (symbol, blocks) in CodeBlocks.Of(root, model, generated, cancellationToken))
        {
            if (symbol is null)
            {
                // No symbol, no symbol event: the driver does not visit it either.
                continue;
            }

            foreach (var block in blocks)
            {
                if (model.GetOperation(block, cancellationToken) is not { } operation)
                {
                    continue;
                }

                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    foreach (var actions in analyzers)
                    {
                        if (!actions.Operation.TryGetValue(descendant.Kind, out var operationActions))
                        {
                            continue;
                        }

#pragma warning disable CS0618 // See above.
                        var context = new OperationAnalysisContext(descendant, symbol, compilation, options, Reporter(actions.Analyzer, diagnostics), IsSupported(actions.Analyzer), cancellationToken);
#pragma warning restore CS0618
                        foreach (var action in operationActions)
                        {
                            host.Run(actions.Analyzer, () => action(context));
                        }
                    }
                }
            }
        }
    }

    /// <summary>Runs actions: an exception other than this scan's cancellation is the analyzer's failure (AD0001), as in the driver.</summary>
    private sealed class Host
    {
        private readonly Action<Exception, DiagnosticAnalyzer> _onAnalyzerException;
        private readonly CancellationToken _cancellationToken;

        public Host(Action<Exception, DiagnosticAnalyzer> onAnalyzerException, CancellationToken cancellationToken)
        {
            _onAnalyzerException = onAnalyzerException;
            _cancellationToken = cancellationToken;
        }

        public bool Run(DiagnosticAnalyzer analyzer, Action action)
        {
            try
            {
                action();
                return true;
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // An analyzer's bug is reported, never thrown at the scan (the driver's contract).
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _onAnalyzerException(exception, analyzer);
                return false;
            }
        }
    }

    private static Action<Diagnostic> Reporter(DiagnosticAnalyzer analyzer, List<Diagnostic> diagnostics) => diagnostic =>
    {
        lock (diagnostics)
        {
            diagnostics.Add(diagnostic);
        }
    };

    private static readonly ConditionalWeakTable<DiagnosticAnalyzer, Func<Diagnostic, bool>> SupportedIds = new();

    /// <summary>The driver's check: a reported id must be one of the analyzer's descriptors (otherwise ReportDiagnostic throws, AD0001).</summary>
    private static Func<Diagnostic, bool> IsSupported(DiagnosticAnalyzer analyzer) =>
        SupportedIds.GetValue(analyzer, a =>
        {
            var ids = a.SupportedDiagnostics.Select(d => d.Id).ToImmutableHashSet(StringComparer.Ordinal);
            return d => ids.Contains(d.Id);
        });

    /// <summary>Generated as the driver decides it: <c>generated_code</c> in <c>.editorconfig</c>, else the file name or an <c>&lt;auto-generated&gt;</c> header.</summary>
    private static bool IsGeneratedTree(SyntaxTree tree, Compilation compilation, CancellationToken cancellationToken)
    {
        switch (compilation.Options.SyntaxTreeOptionsProvider?.IsGenerated(tree, cancellationToken))
        {
            case GeneratedKind.MarkedGenerated:
                return true;
            case GeneratedKind.NotGenerated:
                return false;
        }

        var name = System.IO.Path.GetFileName(tree.FilePath);
        if (new[] { ".g.cs", ".g.i.cs", ".designer.cs", ".generated.cs" }.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            || name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var first = tree.GetRoot(cancellationToken).GetFirstToken(includeZeroWidth: true);
        return first.LeadingTrivia.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
            ? t.ToString().Contains("<auto-generated", StringComparison.OrdinalIgnoreCase) || t.ToString().Contains("<autogenerated", StringComparison.OrdinalIgnoreCase)
            : false);
    }

    /// <summary>A diagnostic the driver drops for an analyzer that does not report in generated code.</summary>
    private static bool InGeneratedCode(Diagnostic diagnostic, Compilation compilation, CancellationToken cancellationToken)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return false;
        }

        if (IsGeneratedTree(tree, compilation, cancellationToken)
            || (tree.HasHiddenRegions() && tree.GetLineVisibility(diagnostic.Location.SourceSpan.Start, cancellationToken) == LineVisibility.Hidden))
        {
            return true;
        }

        var root = tree.GetRoot(cancellationToken);
        var generated = GeneratedDeclarations(root, compilation.GetSemanticModel(tree), cancellationToken);
        return generated.Count > 0 && generated.Any(g => g.FullSpan.Contains(diagnostic.Location.SourceSpan));
    }

    /// <summary>
    /// The declarations of a tree that the driver treats as generated: a type or member whose symbol, or a containing type's,
    /// carries <c>System.CodeDom.Compiler.GeneratedCodeAttribute</c>. Only declarations that may carry it are bound: a
    /// partial type (its other parts may) or one whose attribute lists name it.
    /// </summary>
    private static HashSet<SyntaxNode> GeneratedDeclarations(SyntaxNode root, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new HashSet<SyntaxNode>();
        foreach (var member in root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<MemberDeclarationSyntax>())
        {
            var mayCarry = member.AttributeLists.Any(l => l.Attributes.Any(a => a.Name.ToString().Contains("GeneratedCode", StringComparison.Ordinal)))
                || (member is TypeDeclarationSyntax type && type.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!mayCarry || member is BaseNamespaceDeclarationSyntax)
            {
                continue;
            }

            var symbols = member is BaseFieldDeclarationSyntax field
                ? field.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v, cancellationToken))
                : new[] { model.GetDeclaredSymbol(member, cancellationToken) };
            if (symbols.Any(s => s is not null && s.GetAttributes().Any(IsGeneratedCodeAttribute)))
            {
                found.Add(member);
            }
        }

        return found;
    }

    private static bool IsGeneratedCodeAttribute(AttributeData attribute) =>
        attribute.AttributeClass is { Name: "GeneratedCodeAttribute", ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    /// <summary>The symbol of the member or type declaration around a node (the driver's containing symbol for syntax-node actions).</summary>
    private static ISymbol? DeclaredSymbolAround(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BaseFieldDeclarationSyntax field when field.Declaration.Variables.Count > 0:
                    return model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken);
                case MemberDeclarationSyntax or AccessorDeclarationSyntax:
                    return model.GetDeclaredSymbol(current, cancellationToken);
                case CompilationUnitSyntax:
                    return model.GetEnclosingSymbol(node.SpanStart, cancellationToken);
            }
        }

        return null;
    }

    /// <summary>What an analyzer registered, directly or in one compilation's start action.</summary>
    private sealed class Actions
    {
        public Actions(DiagnosticAnalyzer analyzer) => Analyzer = analyzer;

        public DiagnosticAnalyzer Analyzer { get; }

        public Dictionary<OperationKind, List<Action<OperationAnalysisContext>>> Operation { get; } = new();

        public Dictionary<SyntaxKind, List<Action<SyntaxNodeAnalysisContext>>> SyntaxNode { get; } = new();

        public List<Action<SemanticModelAnalysisContext>> SemanticModel { get; } = new();

        public List<Action<AdditionalFileAnalysisContext>> AdditionalFile { get; } = new();

        public void AddOperation(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds)
        {
            foreach (var kind in kinds)
            {
                (Operation.TryGetValue(kind, out var list) ? list : Operation[kind] = new()).Add(action);
            }
        }

        public void AddSyntaxNode(Action<SyntaxNodeAnalysisContext> action, IEnumerable<SyntaxKind> kinds)
        {
            foreach (var kind in kinds)
            {
                (SyntaxNode.TryGetValue(kind, out var list) ? list : SyntaxNode[kind] = new()).Add(action);
            }
        }

        public void AddRange(Actions other)
        {
            foreach (var (kind, actions) in other.Operation)
            {
                foreach (var action in actions)
                {
                    AddOperation(action, ImmutableArray.Create(kind));
                }
            }

            foreach (var (kind, actions) in other.SyntaxNode)
            {
                foreach (var action in actions)
                {
                    AddSyntaxNode(action, new[] { kind });
                }
            }

            SemanticModel.AddRange(other.SemanticModel);
            AdditionalFile.AddRange(other.AdditionalFile);
        }

        public void Clear()
        {
            Operation.Clear();
            SyntaxNode.Clear();
            SemanticModel.Clear();
            AdditionalFile.Clear();
        }
    }

    /// <summary>An analyzer's <c>Initialize</c>, recorded once (the driver, too, initializes an analyzer once).</summary>
    private sealed class Registrations : AnalysisContext
    {
        private Registrations(DiagnosticAnalyzer analyzer) => Direct = new Actions(analyzer);

        public bool Supported { get; private set; } = true;

        public Actions Direct { get; }

        public List<Action<CompilationStartAnalysisContext>> CompilationStart { get; } = new();

        public static Registrations Record(DiagnosticAnalyzer analyzer)
        {
            var registrations = new Registrations(analyzer);
            try
            {
                analyzer.Initialize(registrations);
            }
#pragma warning disable CA1031 // A failing Initialize is left to the driver, which reports it as the analyzer's failure.
            catch (Exception)
#pragma warning restore CA1031
            {
                registrations.Supported = false;
            }

            return registrations;
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => Supported &= analysisMode == GeneratedCodeAnalysisFlags.None;

        public override void EnableConcurrentExecution()
        {
            // One tree at a time here: nothing to enable.
        }

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStart.Add(action);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Direct.AddOperation(action, operationKinds);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            if (syntaxKinds is ImmutableArray<SyntaxKind> kinds)
            {
                Direct.AddSyntaxNode(action, kinds);
            }
            else
            {
                Supported = false;
            }
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Direct.SemanticModel.Add(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => Direct.AdditionalFile.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => Supported = false;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Supported = false;

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Supported = false;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Supported = false;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Supported = false;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Supported = false;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Supported = false;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Supported = false;
    }

    /// <summary>One compilation-start action's registrations.</summary>
    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly Actions _actions;

        public StartContext(Compilation compilation, AnalyzerOptions options, Actions actions, CancellationToken cancellationToken)
            : base(compilation, options, cancellationToken) => _actions = actions;

        public bool Supported { get; private set; } = true;

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => _actions.AddOperation(action, operationKinds);

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            if (syntaxKinds is ImmutableArray<SyntaxKind> kinds)
            {
                _actions.AddSyntaxNode(action, kinds);
            }
            else
            {
                Supported = false;
            }
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => _actions.SemanticModel.Add(action);

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => _actions.AdditionalFile.Add(action);

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Supported = false;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Supported = false;

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Supported = false;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Supported = false;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Supported = false;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Supported = false;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Supported = false;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Supported = false;
    }

    /// <summary>
    /// <see cref="AdditionalFileAnalysisContext"/> has no public constructor; its internal one (the same in Roslyn 4.14 and
    /// 5.12) is called by reflection. Were it to change, <see cref="Create"/> throws and the scan falls back to the driver.
    /// </summary>
    private static class FileContexts
    {
        private static readonly ConstructorInfo? Constructor = typeof(AdditionalFileAnalysisContext)
            .GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .FirstOrDefault(c => c.GetParameters().Select(p => p.ParameterType).SequenceEqual(new[]
            {
                typeof(AdditionalText), typeof(AnalyzerOptions), typeof(Action<Diagnostic>), typeof(Func<Diagnostic, CancellationToken, bool>),
                typeof(Compilation), typeof(TextSpan?), typeof(CancellationToken),
            }));

        public static bool Available => Constructor is not null;

        public static AdditionalFileAnalysisContext Create(AdditionalText file, AnalyzerOptions options, Action<Diagnostic> report, Func<Diagnostic, bool> isSupported, Compilation compilation, CancellationToken cancellationToken) =>
            (AdditionalFileAnalysisContext)Constructor!.Invoke(new object?[] { file, options, report, (Func<Diagnostic, CancellationToken, bool>)((d, _) => isSupported(d)), compilation, null, cancellationToken });
    }

    /// <summary>The executable code blocks of a tree's declarations, with the symbol each belongs to (Roslyn's declaration computer for C#).</summary>
    private static class CodeBlocks
    {
        public static IEnumerable<(ISymbol? Symbol, IEnumerable<SyntaxNode> Blocks)> Of(SyntaxNode root, SemanticModel model, HashSet<SyntaxNode> generated, CancellationToken cancellationToken)
        {
            var found = new List<(ISymbol?, IEnumerable<SyntaxNode>)>();
            if (root is CompilationUnitSyntax unit)
            {
                if (unit.Members.OfType<GlobalStatementSyntax>().FirstOrDefault() is { } statement)
                {
                    found.Add((model.GetEnclosingSymbol(statement.SpanStart, cancellationToken), new SyntaxNode[] { unit }));
                }

                foreach (var member in unit.Members)
                {
                    Add(member, model, generated, found, cancellationToken);
                }
            }

            return found;
        }

        private static void Add(MemberDeclarationSyntax member, SemanticModel model, HashSet<SyntaxNode> generated, List<(ISymbol?, IEnumerable<SyntaxNode>)> found, CancellationToken cancellationToken)
        {
            if (generated.Contains(member))
            {
                return;
            }

            ISymbol? Declared(SyntaxNode node) => model.GetDeclaredSymbol(node, cancellationToken);

            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    foreach (var inner in ns.Members)
                    {
                        Add(inner, model, generated, found, cancellationToken);
                    }

                    break;

                case TypeDeclarationSyntax type:
                    foreach (var inner in type.Members)
                    {
                        Add(inner, model, generated, found, cancellationToken);
                    }

                    found.Add((Declared(type), Attributes(type.AttributeLists).Concat(TypeParameterAttributes(type.TypeParameterList))));
                    if (type.ParameterList is { } parameters && Declared(type) is INamedTypeSymbol named)
                    {
                        var primary = named.InstanceConstructors.FirstOrDefault(c => c.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == type.SyntaxTree && r.Span == type.Span));
                        var blocks = ParameterBlocks(parameters);
                        if (type.BaseList?.Types.FirstOrDefault() is PrimaryConstructorBaseTypeSyntax initializer)
                        {
                            blocks = blocks.Append(initializer);
                        }

                        found.Add((primary, blocks));
                    }

                    break;

                case EnumDeclarationSyntax enumeration:
                    foreach (var inner in enumeration.Members)
                    {
                        found.Add((Declared(inner), Optional(inner.EqualsValue).Concat(Attributes(inner.AttributeLists))));
                    }

                    found.Add((Declared(enumeration), Attributes(enumeration.AttributeLists)));
                    break;

                case DelegateDeclarationSyntax @delegate:
                    found.Add((Declared(@delegate), Attributes(@delegate.AttributeLists).Concat(ParameterBlocks(@delegate.ParameterList)).Concat(TypeParameterAttributes(@delegate.TypeParameterList))));
                    break;

                case BaseFieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        found.Add((Declared(variable), Optional(variable.Initializer).Concat(Attributes(field.AttributeLists))));
                    }

                    break;

                case BasePropertyDeclarationSyntax property:
                    foreach (var accessor in property.AccessorList?.Accessors ?? default)
                    {
                        found.Add((Declared(accessor), Optional(accessor.Body).Concat(Optional(accessor.ExpressionBody)).Concat(Attributes(accessor.AttributeLists))));
                    }

                    var expressionBody = property switch
                    {
                        PropertyDeclarationSyntax p => p.ExpressionBody,
                        IndexerDeclarationSyntax i => i.ExpressionBody,
                        _ => null,
                    };
                    if (expressionBody is not null && Declared(property) is IPropertySymbol { GetMethod: { } getter })
                    {
                        found.Add((getter, new SyntaxNode[] { expressionBody }));
                    }

                    var own = Attributes(property.AttributeLists);
                    own = property switch
                    {
                        PropertyDeclarationSyntax p => Optional(p.Initializer).Concat(own),
                        IndexerDeclarationSyntax i => ParameterBlocks(i.ParameterList).Concat(own),
                        _ => own,
                    };
                    found.Add((Declared(property), own));
                    break;

                case BaseMethodDeclarationSyntax method:
                    var methodBlocks = ParameterBlocks(method.ParameterList).Concat(Optional(method.Body));
                    if (method is ConstructorDeclarationSyntax { Initializer: { } constructorInitializer })
                    {
                        methodBlocks = methodBlocks.Append(constructorInitializer);
                    }

                    methodBlocks = methodBlocks.Concat(Optional(method.ExpressionBody)).Concat(Attributes(method.AttributeLists));
                    if (method is MethodDeclarationSyntax { TypeParameterList: { } typeParameters })
                    {
                        methodBlocks = methodBlocks.Concat(TypeParameterAttributes(typeParameters));
                    }

                    found.Add((Declared(method), methodBlocks));
                    break;
            }
        }

        private static IEnumerable<SyntaxNode> Optional(SyntaxNode? node) => node is null ? Enumerable.Empty<SyntaxNode>() : new[] { node };

        private static IEnumerable<SyntaxNode> Attributes(SyntaxList<AttributeListSyntax> lists) => lists.SelectMany(l => l.Attributes);

        private static IEnumerable<SyntaxNode> TypeParameterAttributes(TypeParameterListSyntax? list) =>
            list is null ? Enumerable.Empty<SyntaxNode>() : list.Parameters.SelectMany(p => Attributes(p.AttributeLists));

        private static IEnumerable<SyntaxNode> ParameterBlocks(BaseParameterListSyntax? list) =>
            list is null ? Enumerable.Empty<SyntaxNode>() : list.Parameters.SelectMany(p => Optional(p.Default).Concat(Attributes(p.AttributeLists)));
    }
}
