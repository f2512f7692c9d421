using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Cadasto.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Rules.Secrets;

/// <summary>
/// CDS1005: a secret value — read from a store (<c>configuration["…Secret"]</c>, <c>GetEnvironmentVariable("…SECRET")</c>,
/// <c>SecretValue.Reveal()</c>) or held in a credential-named string member, local or parameter
/// (<c>options.ClientSecret</c>) — written to a log (<c>ILogger</c> extension methods, <c>Log</c>,
/// <c>[LoggerMessage]</c> methods), the console, <c>Debug</c>/<c>Trace</c>, an exception message, or
/// returned from a <c>ToString</c> override. Lands on the expression written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretWrittenToOutputAnalyzer : DiagnosticAnalyzer
{
    // How far a local is followed back to the store read that set it.
    private const int MaxLocalDepth = 3;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.SecretWrittenToOutput);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation, CredentialNames.FromOption(CadastoOptions.GetForProject(start.Compilation, start.Options, CadastoOptions.CredentialWords)), TestProject.Is(start.Compilation, start.Options));
            start.RegisterOperationAction(c => AnalyzeInvocation(c, types), OperationKind.Invocation);
            if (types.Exception is not null)
            {
                start.RegisterOperationAction(c => AnalyzeCreation(c, types), OperationKind.ObjectCreation);
            }

            start.RegisterOperationAction(c => AnalyzeReturn(c, types), OperationKind.Return);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, KnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (types.OutputOf(invocation, context.ContainingSymbol, context.CancellationToken) is not { } output)
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (IsWritten(argument))
            {
                ReportSecrets(context, types, argument.Value, output);
            }
        }
    }

    private static bool IsWritten(IArgumentOperation argument) => argument.Parameter?.Type is not { } type || IsWrittenType(type);

    private static void AnalyzeCreation(OperationAnalysisContext context, KnownTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!HasStringArgument(creation.Arguments) || creation.Type is not INamedTypeSymbol type || !KnownTypes.DerivesFrom(type, types.Exception!))
        {
            return;
        }

        // LineParsingException, SyntaxErrorException: a parser's own error type says what its token is.
        var parserError = KnownTypes.HasParserWord(type.Name);
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                ReportSecrets(context, types, argument.Value, "an exception message", parserError, testFailure: types.IsTestCode);
            }
        }
    }

    private static bool HasStringArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    private static void AnalyzeReturn(OperationAnalysisContext context, KnownTypes types)
    {
        var returned = (IReturnOperation)context.Operation;
        if (returned.ReturnedValue is null
            || context.ContainingSymbol is not IMethodSymbol { Name: "ToString", IsOverride: true, Parameters.Length: 0 })
        {
            return;
        }

        ReportSecrets(context, types, returned.ReturnedValue, "ToString");
    }

    /// <summary>Reports each secret in the written value: the value itself, or a part of the string built from it.</summary>
    /// <param name="testFailure">
    /// An exception test code throws is its failure report: what it names there is the test's own input
    /// (<c>throw new InvalidOperationException($"Password '{password}' not in any bucket")</c> in a helper of a test), so a
    /// credential-named parameter counts no more; a read from a secret store still does.
    /// </param>
    private static void ReportSecrets(OperationAnalysisContext context, KnownTypes types, IOperation value, string output, bool parserError = false, bool testFailure = false)
    {
        value = StringParts.Unwrap(value);

        // params object[] args of a log call: each element is written.
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (var element in initializer.ElementValues)
            {
                ReportSecrets(context, types, element, output, parserError, testFailure);
            }

            return;
        }

        // string.Format("…{0}…", secret) written as a whole. The format is a template (often a resource string named after
        // what it reports: "CannotRevoke…Credential"), never the stored secret: its arguments are what is written.
        if (value is IInvocationOperation { TargetMethod: { Name: "Format" or "Concat" or "Join", ContainingType.SpecialType: SpecialType.System_String } } format)
        {
            foreach (var argument in format.Arguments)
            {
                if (format.TargetMethod.Name == "Format" && argument.Parameter?.Name == "format")
                {
                    continue;
                }

                ReportSecrets(context, types, argument.Value, output, parserError, testFailure);
            }

            return;
        }

        foreach (var part in StringParts.Of(value))
        {
            if (types.IsSecretSource(part, depth: 0, context.CancellationToken)
                && !(testFailure && StringParts.Unwrap(part) is IParameterReferenceOperation)
                && !types.IsParserToken(part, value, parserError)
                && !VariableUses.IsUsedAsAPath(part, context.CancellationToken)
                && !VariableUses.IsUsedAsAKeyName(part, context.CancellationToken)
                && !types.IsMatchedToken(part, context.CancellationToken)
                && !VariableUses.HoldsAKeptIdentifier(part, consumer => types.IsOutput(consumer, context.ContainingSymbol, context.CancellationToken), context.CancellationToken))
            {
                context.ReportDiagnostic(Findings.Create(DiagnosticDescriptors.SecretWrittenToOutput, part.Syntax.GetLocation(), output));
            }
        }
    }

    private static bool IsWrittenType(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_String or SpecialType.System_Object
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Object or SpecialType.System_String }
        || type.Name is "ReadOnlySpan" or "DefaultInterpolatedStringHandler"
        || type.TypeKind == TypeKind.TypeParameter
        || type.Name.EndsWith("InterpolatedStringHandler", StringComparison.Ordinal);

    /// <summary>The types the rule recognises, resolved once per compilation.</summary>
    private sealed class KnownTypes
    {
        private readonly CatalogIndex<OutputTarget> _outputSinks;

        // The names of the catalogued output members: a call of a method of another name is none of them (an override, an
        // extension method's reduced form and a namespace row all have the row's name), asked before the symbol lookup.
        private readonly HashSet<string> _outputNames;
        private readonly INamedTypeSymbol? _loggerMessageAttribute;
        private readonly CatalogIndex<SecretSourceKey> _secretSources;
        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _resourceManager;
        private readonly CredentialNames _names;
        private readonly IAssemblySymbol _sourceAssembly;
        private readonly CompilationSymbols _symbols;

        public KnownTypes(Compilation compilation, CredentialNames names, bool isTestCode)
        {
            _names = names;
            IsTestCode = isTestCode;
            _sourceAssembly = compilation.Assembly;
            var symbols = CompilationSymbols.Get(compilation);
            _symbols = symbols;
            _outputSinks = symbols.OutputSinks;
            _outputNames = NamesOf(_outputSinks);
            _loggerMessageAttribute = symbols.Type("Microsoft.Extensions.Logging.LoggerMessageAttribute");
            _secretSources = symbols.SecretSources;
            _console = symbols.Type("System.Console");
            _resourceManager = symbols.Type("System.Resources.ResourceManager");
            Exception = symbols.Type("System.Exception");
        }

        public INamedTypeSymbol? Exception { get; }

        /// <summary>Whether the compilation is test code (<see cref="TestProject"/>).</summary>
        public bool IsTestCode { get; }

        private static HashSet<string> NamesOf(CatalogIndex<OutputTarget> index)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in index.Resolved)
            {
                names.Add(entry.Key.Name);
            }

            foreach (var row in index.NamespaceRows)
            {
                names.Add(row.MemberName);
            }

            return names;
        }

        /// <summary>
        /// Where the invocation writes ("a log", "the console"…), or null when it writes nowhere we watch: a row of
        /// <see cref="OutputSinkCatalog"/>, or a <c>[LoggerMessage]</c> method.
        /// </summary>
        public string? OutputOf(IInvocationOperation invocation, ISymbol containingSymbol, CancellationToken cancellationToken)
        {
            var method = invocation.TargetMethod;
            if (_outputNames.Contains(method.Name) && _outputSinks.TryGetMember(method, out var sink))
            {
                return sink.Meaning switch
                {
                    // Console.Out.WriteLine(…), Console.Error.Write(…): a TextWriter is the console only there.
                    OutputTarget.ConsoleStream => StringParts.Unwrap(invocation.Instance ?? invocation) is IPropertyReferenceOperation { Property: { Name: "Out" or "Error" } stream }
                                                          && Is(stream.ContainingType, _console)
                        ? OutputSinkCatalog.Describe(sink.Meaning)
                        : null,

                    // Inside a ToString override, builder.Append(…) writes into the text ToString returns (the returned
                    // builder.ToString() says nothing by itself).
                    OutputTarget.ToStringBuilder => containingSymbol is IMethodSymbol { Name: "ToString", IsOverride: true, Parameters.Length: 0 }
                        ? OutputSinkCatalog.Describe(sink.Meaning)
                        : null,
                    _ => OutputSinkCatalog.Describe(sink.Meaning),
                };
            }

            return _loggerMessageAttribute is not null && MayCarry(method, _loggerMessageAttribute, cancellationToken) && HasAttribute(method, _loggerMessageAttribute)
                ? OutputSinkCatalog.Describe(OutputTarget.Log)
                : null;
        }

        /// <summary>What this rule watches as a place a value is written to: an output call, or an exception's creation.</summary>
        public bool IsOutput(IOperation consumer, ISymbol containingSymbol, CancellationToken cancellationToken) => consumer switch
        {
            IInvocationOperation invocation => OutputOf(invocation, containingSymbol, cancellationToken) is not null,
            IObjectCreationOperation { Type: INamedTypeSymbol created } => Exception is not null && DerivesFrom(created, Exception),
            _ => false,
        };

        /// <summary>
        /// A value read from a secret store, or held in a credential-named string member, local or parameter;
        /// locals are followed to the store read that set them.
        /// </summary>
        public bool IsSecretSource(IOperation value, int depth, CancellationToken cancellationToken)
        {
            value = StringParts.Unwrap(value);
            switch (value)
            {
                case IPropertyReferenceOperation { Property: { IsIndexer: true } indexer, Arguments: { Length: 1 } index }:
                    // configuration["Cadasto:ClientSecret"], section["ApiKey"]: the one argument is the key, whatever an
                    // implementation of the catalogued indexer calls its parameter.
                    return _secretSources.TryGetMemberOrImplementation(indexer, out var source)
                           && source.Kind == SinkKind.IndexerArgument
                           && (source.Meaning == SecretSourceKey.Any || IsCredentialKey(index[0].Value));

                case IInvocationOperation invocation:
                    return _secretSources.TryGetMember(invocation.TargetMethod, out var read)
                           && read.Kind == SinkKind.MethodArgument
                           && ReadsASecret(read, invocation.Arguments);

                case IPropertyReferenceOperation { Property: var property }:
                    return property.Type.SpecialType == SpecialType.System_String && _names.IsCredentialName(property.Name)
                           && !IsResourceString(property) && !IsTranslatedMessage(property, cancellationToken);

                case IFieldReferenceOperation { Field: var field }:
                    if (field.Type.SpecialType != SpecialType.System_String || !_names.IsCredentialName(field.Name))
                    {
                        return false;
                    }

                    // A constant named ClientSecret usually holds a key name ("Cadasto:ClientSecret"), sometimes the secret; one
                    // the code looks a value up by (Configuration[Keys.PushEndpointSecret]) holds the key.
                    return (!field.IsConst
                            || (field.ConstantValue is string constant && CredentialValueShape.CanBeACredential(constant) && !CredentialValueShape.IsNameOrLabel(constant, field.Name, _names)))
                           && !(value.SemanticModel is { } model && VariableUses.IsUsedAsAKeyName(field, model.Compilation, cancellationToken));

                case IParameterReferenceOperation { Parameter: var parameter }:
                    return parameter.Type.SpecialType == SpecialType.System_String && _names.IsCredentialName(parameter.Name);

                case ILocalReferenceOperation { Local: var local }:
                    if (local.IsConst || local.Type.SpecialType != SpecialType.System_String)
                    {
                        return false;
                    }

                    if (_names.IsCredentialName(local.Name))
                    {
                        return true;
                    }

                    return depth < MaxLocalDepth && HardcodedStringTracer.DeclaredInitializer(local, value, cancellationToken) is { } initializer
                           && IsSecretSource(initializer, depth + 1, cancellationToken);

                default:
                    return false;
            }
        }

        /// <summary>
        /// A token-named value in a parser's error message (<c>$"Unexpected token {token}"</c>): a lexer's token, not a bearer
        /// token (<see cref="SecretVocabulary.ParserMessageWords"/> in the message's own text, or in the name of the
        /// exception type it is written to: <paramref name="parserError"/>).
        /// </summary>
        public bool IsParserToken(IOperation part, IOperation written, bool parserError)
        {
            if (!_names.TryMatch(NameOf(part), out var word) || word != "token")
            {
                return false;
            }

            if (parserError)
            {
                return true;
            }

            // The message's other parts, read again only here (rare): the common path allocates no list.
            foreach (var other in StringParts.Of(written))
            {
                if (other is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } })
                {
                    if (HasParserWord(text))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="text"/> holds a word of <see cref="SecretVocabulary.ParserMessageWords"/>.</summary>
        public static bool HasParserWord(string text)
        {
            foreach (var parserWord in SecretVocabulary.ParserMessageWords)
            {
                if (text.IndexOf(parserWord, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A token-named local set only from a regular expression's match (<see cref="VariableUses.HoldsMatchedText"/>): a
        /// template's or a grammar's token. Only the word <c>token</c>: a password cut out of a string with a regex is one.
        /// </summary>
        public bool IsMatchedToken(IOperation part, CancellationToken cancellationToken) =>
            _names.TryMatch(NameOf(part), out var word) && word == "token" && VariableUses.HoldsMatchedText(part, cancellationToken);

        private static string? NameOf(IOperation value) => StringParts.Unwrap(value) switch
        {
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => null,
        };

        /// <summary>
        /// A member of a strongly typed resource class (a .resx designer class: static string properties beside a static
        /// <c>ResourceManager</c>): a localised message or format string named after what it reports
        /// (<c>CannotRevokeActiveApiKeyCredential</c>), not a stored secret.
        /// </summary>
        private bool IsResourceString(IPropertySymbol property)
        {
            if (_resourceManager is null || !property.IsStatic)
            {
                return false;
            }

            foreach (var member in property.ContainingType.GetMembers("ResourceManager"))
            {
                if (member is IPropertySymbol { IsStatic: true } manager && Is(manager.Type, _resourceManager))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>static string NoAccessKeyOrSasToken => LC.L("No access key or SAS token given")</c>: a property whose getter returns
        /// a call over a sentence (a hand-written localisation class, <c>T("…")</c>) is the translation of that message, named
        /// after what it reports, not a stored secret. A getter that reads a key, a path or a random-looking text still counts.
        /// </summary>
        private static bool IsTranslatedMessage(IPropertySymbol property, CancellationToken cancellationToken)
        {
            if (property.DeclaringSyntaxReferences.Length != 1
                || property.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not PropertyDeclarationSyntax declaration)
            {
                return false;
            }

            var returned = declaration.ExpressionBody?.Expression
                ?? (declaration.AccessorList?.Accessors.FirstOrDefault(a => a.IsKind(SyntaxKind.GetAccessorDeclaration)) is { } getter
                    ? getter.ExpressionBody?.Expression ?? (getter.Body?.Statements.Count == 1 && getter.Body.Statements[0] is ReturnStatementSyntax { Expression: { } value } ? value : null)
                    : null);
            if (returned is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments })
            {
                return false;
            }

            return arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                   && CredentialValueShape.IsProse(literal.Token.ValueText);
        }

        /// <summary>Whether a read of <paramref name="source"/> reads a secret: every read, or one whose key argument is a constant credential name.</summary>
        private bool ReadsASecret(SecretSource source, ImmutableArray<IArgumentOperation> arguments)
        {
            if (source.Meaning == SecretSourceKey.Any)
            {
                return true;
            }

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Name == source.ParameterName)
                {
                    return IsCredentialKey(argument.Value);
                }
            }

            return false;
        }

        private bool IsCredentialKey(IOperation key) =>
            key.ConstantValue is { HasValue: true, Value: string name } && _names.IsCredentialName(name);

        // Whether each referenced assembly names the attribute's assembly (one answer per assembly).
        private readonly ConcurrentDictionary<IAssemblySymbol, bool> _assembliesNamingTheAttribute = new(SymbolEqualityComparer.Default);

        // The same answer for each type whose methods are called (one answer per type definition, found by reference: a
        // method's containing assembly is a walk up its namespaces, asked of every call).
        private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _typesThatMayCarry = new(ByReference.Instance);

        /// <summary>
        /// Whether the method can carry <paramref name="attribute"/> at all, asked before its attributes are read (reading
        /// them decodes the metadata attributes of every library method the code calls): a library's method only when its
        /// assembly is the attribute's or references it; a method of the compilation only when a source document spells the
        /// attribute's name (an attribute in C# is written by its name, an alias's <c>using</c> included).
        /// </summary>
        private bool MayCarry(IMethodSymbol method, INamedTypeSymbol attribute, CancellationToken cancellationToken)
        {
            if (method.ContainingType?.OriginalDefinition is not { } type)
            {
                return MayCarryIn(method.ContainingAssembly, attribute, cancellationToken);
            }

            if (!_typesThatMayCarry.TryGetValue(type, out var may))
            {
                may = MayCarryIn(type.ContainingAssembly, attribute, cancellationToken);
                _typesThatMayCarry.TryAdd(type, may);
            }

            return may;
        }

        private bool MayCarryIn(IAssemblySymbol? assembly, INamedTypeSymbol attribute, CancellationToken cancellationToken)
        {
            if (assembly is null)
            {
                return true;
            }

            if (SymbolEqualityComparer.Default.Equals(assembly, _sourceAssembly))
            {
                return _symbols.SourceMentions(AttributeSpelling(attribute.Name), cancellationToken);
            }

            if (!_assembliesNamingTheAttribute.TryGetValue(assembly, out var names))
            {
                names = Names(assembly, attribute.ContainingAssembly);
                _assembliesNamingTheAttribute.TryAdd(assembly, names);
            }

            return names;
        }

        // [LoggerMessage(…)] or [LoggerMessageAttribute(…)]: the name without its suffix is in both.
        private static string AttributeSpelling(string name) =>
            name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;

        private sealed class ByReference : IEqualityComparer<INamedTypeSymbol>
        {
            public static readonly ByReference Instance = new();

            public bool Equals(INamedTypeSymbol? x, INamedTypeSymbol? y) => ReferenceEquals(x, y);

            public int GetHashCode(INamedTypeSymbol obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        private static bool Names(IAssemblySymbol assembly, IAssemblySymbol? target)
        {
            if (target is null || SymbolEqualityComparer.Default.Equals(assembly, target))
            {
                return true;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var identity in module.ReferencedAssemblies)
                {
                    if (string.Equals(identity.Name, target.Identity.Name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attribute)
        {
            foreach (var data in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(data.AttributeClass, attribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
            expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

        public static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
