using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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

namespace Cadasto.Analyzers.Secrets;

/// <summary>
/// The one per-compilation classification of string literals that the three code rules share, so a
/// secret gets one finding, from the most specific rule (CDS1001 over CDS1002 over CDS1003).
/// </summary>
/// <remarks>
/// Why this shape: CDS1001 finds secrets from the sink backwards, CDS1002/CDS1003 from the literal
/// forwards. Each weaker rule first makes its own (cheap, local) decision and only then asks whether a
/// stronger rule owns the literal: CDS1003 asks whether CDS1002 would report (a local question about
/// the literal's name context), and both ask whether CDS1001 does. That question is answered locally
/// (the sink matcher run on the literal's few enclosing operations) unless the literal sits in a
/// declaration a sink can reach from elsewhere (a field, property or local initializer); only then is
/// the compilation-wide <see cref="SinkBoundLiterals"/> computed, once, and shared through the classifier, kept
/// <see cref="PerCompilation{T}"/>. No rule walks the syntax
/// itself; the analyzer driver's single walk feeds every operation action.
/// </remarks>
internal sealed class SecretLiteralClassifier
{
    private static readonly PerCompilation<SecretLiteralClassifier> Cache = new();

    // How far up a literal the sink matcher looks: Basic headers nest id:secret three calls deep.
    private const int MaxSinkDepth = 6;

    private readonly Compilation _compilation;
    private readonly Lazy<SinkBoundLiterals> _sinkBound;
    private readonly Lazy<OwnMethodsByName> _ownMethods;

    private SecretLiteralClassifier(Compilation compilation, AnalyzerOptions options)
    {
        _compilation = compilation;
        Matcher = SecretSinkMatcher.Create(compilation, options);
        Names = CredentialNames.FromOption(CadastoOptions.GetForProject(compilation, options, CadastoOptions.CredentialWords));
        IsTestCode = TestProject.Is(compilation, options);
        _ownMethods = new Lazy<OwnMethodsByName>(() => new OwnMethodsByName(compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _sinkBound = new Lazy<SinkBoundLiterals>(() => SinkBoundLiterals.Compute(compilation, Matcher, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SecretSinkMatcher Matcher { get; }

    public CredentialNames Names { get; }

    /// <summary>Whether the compilation is test code: there sentinels are no findings (<see cref="IsTestSentinel"/>).</summary>
    public bool IsTestCode { get; }

    /// <summary>
    /// In test code, a value that does not look real (a dictionary word, a short or low-entropy sentinel) is not a
    /// finding of any secret rule; outside test code nothing is a sentinel by this measure.
    /// </summary>
    public bool IsTestSentinel(string text) => IsTestCode && !TestSentinels.LooksReal(text);

    public static SecretLiteralClassifier For(Compilation compilation, AnalyzerOptions options) =>
        Cache.Get(compilation, options, static (c, o) => new SecretLiteralClassifier(c, o));

    /// <summary>
    /// CDS1002's question: the credential name (symbol or key) that a hard-coded literal is stored under, or
    /// the known credential sink it is passed to positionally; null when neither, or when the value cannot be a credential.
    /// </summary>
    public string? CredentialNameFor(ILiteralOperation literal, string text, CancellationToken cancellationToken) =>
        CredentialNameOrSinkFor(literal, text, cancellationToken) is { } name && !IsEmulatorDummy(literal.Syntax, text) ? name : null;

    /// <summary>
    /// <c>AccessKey = "admin"</c> in the constructor that points the client at <c>http://localhost:4566</c>: a value that does not
    /// look real (<see cref="TestSentinels.LooksReal"/>) set in the same member (constructor, method, lambda inside it) as the URL of a local emulator that accepts any
    /// credential (<see cref="IsAnyCredentialEmulatorUrl"/>) is the emulator's dummy, not a secret.
    /// Asked only of a value already judged a credential (the member's literals are read then).
    /// </summary>
    private static bool IsEmulatorDummy(SyntaxNode value, string text)
    {
        if (TestSentinels.LooksReal(text))
        {
            return false;
        }

        SyntaxNode? scope = null;
        for (var node = value.Parent; node is not null && node is not MemberDeclarationSyntax; node = node.Parent)
        {
            scope = node;
        }

        if (scope is null)
        {
            return false;
        }

        foreach (var token in scope.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.StringLiteralToken) && token.ValueText.IndexOf("://", StringComparison.Ordinal) > 0
                && IsAnyCredentialEmulatorUrl(token.ValueText))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A URL of a local emulator that accepts any credential (<c>http://localhost:4566</c>, <c>amazonsqs://localstack:4566</c>):
    /// a loopback host or one of <see cref="ConnectionStringCatalog.EmulatorHostNames"/>, on a port of
    /// <see cref="ConnectionStringCatalog.AnyCredentialEmulatorFirstPort"/>'s range.
    /// </summary>
    private static bool IsAnyCredentialEmulatorUrl(string text)
    {
        if (!OAuth.RedirectUriMatcher.TryGetHostAndPort(text, out var host, out var portText)
            || !int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
            || port is < ConnectionStringCatalog.AnyCredentialEmulatorFirstPort or > ConnectionStringCatalog.AnyCredentialEmulatorLastPort)
        {
            return false;
        }

        if (OAuth.RedirectUriMatcher.IsLoopbackHost(host))
        {
            return true;
        }

        foreach (var name in ConnectionStringCatalog.EmulatorHostNames)
        {
            if (string.Equals(host, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private string? CredentialNameOrSinkFor(ILiteralOperation literal, string text, CancellationToken cancellationToken)
    {
        if (!CouldBeAValue(text))
        {
            // At a sink that takes the text's bytes as its key the text is the key whatever it says (SinkHit.IsKeyBytes).
            return CouldBeAKey(text) && CredentialShapes.Classify(text) is null && FirstOfWhollyConstantComposition(literal, cancellationToken) is not null
                ? KnownCredentialSinkFor(literal, cancellationToken, keyBytesOnly: true)
                : null;
        }

        // One finding per value, on its first literal: the other parts of a composition ask nothing more (asking the sink
        // matcher for each of n parts would trace the whole composition n times: n² steps).
        var context = ClimbToContext(literal, out var top);
        var carriesTheValue = FirstOfWhollyConstantComposition(literal, cancellationToken);
        if (carriesTheValue is null)
        {
            return null;
        }

        // At a known sink the sink says which part is the secret ("Bearer " + "…": the token), so every part may ask it
        // (answered once per call: KnownCredentialSinkFor); a name is asked by the part that carries the value only.
        if (carriesTheValue == false)
        {
            return AtKnownCredentialSinkUnshaped(literal, text, cancellationToken);
        }

        if ((NameOf(context, top, cancellationToken) ?? TestDataRowName(literal.Syntax, text)) is { } name
            && (Names.TryMatch(name, out _) || (top is IArrayCreationOperation && IsPluralCredentialName(name) && IsGeneratedUnshaped(text)))
            && (!CredentialValueShape.IsNameOrLabel(text, name, Names) || IsSpelledFromANameBeside(top.Syntax, text)
                || ((IsSetOnAnObject(context) || IsPassedToAParameter(context)) && CredentialValueShape.IsChosenWordSetAsValue(text, name, Names, TextsBeside(top.Syntax)))
                || (IsStoredInAVariableOrMember(top.Syntax) && CredentialValueShape.IsAnotherChosenWordAsValue(text, name, Names)))
            && !IsKeyNameField(context, text, cancellationToken)
            && !IsOneOfItsTypesNames(context, text)
            && !(context is IFieldInitializerOperation { InitializedFields: { Length: 1 } vaultFields }
                 && CredentialValueShape.NamesAVaultEntry(text, vaultFields[0].ContainingType.Name)))
        {
            return name;
        }

        // A positional argument whose parameter is credential-named (Login("svc", "…") into string password), the user's
        // own methods included (the SPEC); a catalogued sink says itself which of its parameters is the credential
        // (BasicAWSCredentials' accessKey is a public id, its secretKey the credential).
        if (context is IArgumentOperation { Parameter: { } positional, Parent: { } call }
            && IsTextType(positional.Type)
            && Names.TryMatch(positional.Name, out _)
            && !IsCatalogued(call)
            && (!CredentialValueShape.IsNameOrLabel(text, positional.Name, Names) || CredentialValueShape.IsChosenWordSetAsValue(text, positional.Name, Names))
            && CredentialShapes.Classify(text) is null)
        {
            return positional.Name;
        }

        // Positional arguments count only at known sinks whose parameter is a credential (NetworkCredential's
        // password…). There the name is weaker evidence than a credential shape: a shaped value is CDS1003's.
        return AtKnownCredentialSinkUnshaped(literal, text, cancellationToken);
    }

    /// <summary>
    /// The known credential sink the literal is handed to, unless its text has a credential's shape (then it is CDS1003's).
    /// The sink is asked first: most literals go to no sink, which its symbols answer before the text is read again.
    /// </summary>
    private string? AtKnownCredentialSinkUnshaped(ILiteralOperation literal, string text, CancellationToken cancellationToken) =>
        KnownCredentialSinkFor(literal, cancellationToken) is { } sink && CredentialShapes.Classify(text) is null ? sink : null;

    /// <summary>
    /// CDS1002's question for a lambda parameter's default value (C# 12: <c>(string password = "…") =&gt; …</c>), which has
    /// no operation to climb from: the parameter's name if it is a credential name and the value can be one; null otherwise.
    /// </summary>
    public string? CredentialNameForLambdaDefault(IParameterSymbol parameter, string text) =>
        IsTextType(parameter.Type) ? CredentialNameFromSyntax(parameter.Name, text) : null;

    /// <summary>
    /// CDS1002's question for a literal of disabled code (<see cref="DisabledCode"/>): the name the tokens store it under, if
    /// that is a credential name and the value can be one; null otherwise.
    /// </summary>
    public string? CredentialNameForDisabledLiteral(DisabledCode.Literal literal) =>
        literal.Name is { } name ? CredentialNameFromSyntax(name, literal.Text) : null;

    /// <summary>
    /// The literals of <paramref name="tree"/>'s code that no build compiles, read once for the rules that ask: its disabled
    /// branches (<see cref="DisabledCode"/>) and its commented-out code (<see cref="CommentedOutCode"/>). Both are judged as
    /// tokens alone: no sink resolves there, so nothing in them is more than a warning.
    /// </summary>
    public ImmutableArray<DisabledCode.Literal> DisabledLiterals(SyntaxTree tree, CancellationToken cancellationToken) =>
        _disabledLiterals.GetValue(tree, t => new DisabledLiteralsOfTree(
            DisabledCode.LiteralsOf(t, cancellationToken).AddRange(CommentedOutCode.LiteralsOf(t, cancellationToken)))).Literals;

    private readonly ConditionalWeakTable<SyntaxTree, DisabledLiteralsOfTree> _disabledLiterals = new();

    private sealed class DisabledLiteralsOfTree
    {
        public DisabledLiteralsOfTree(ImmutableArray<DisabledCode.Literal> literals) => Literals = literals;

        public ImmutableArray<DisabledCode.Literal> Literals { get; }
    }

    /// <summary>A name-based match where only syntax or tokens name the value (no operation to climb from).</summary>
    private string? CredentialNameFromSyntax(string name, string text)
    {
        if (!CredentialValueShape.CanBeACredential(text) || Matcher.IsAllowedPlaceholder(text) || IsTestSentinel(text)
            || !Names.TryMatch(name, out _))
        {
            return null;
        }

        return !CredentialValueShape.IsNameOrLabel(text, name, Names) ? name : null;
    }

    /// <summary>
    /// <c>const string PushEndpointSecret = "push_endpoint_secret"</c> read as <c>Configuration[Keys.PushEndpointSecret]</c>: a
    /// field the code uses as the name of what it looks up holds that name (<see cref="VariableUses.IsUsedAsAKeyName(IFieldSymbol, Compilation, CancellationToken)"/>).
    /// Only a value that could be a key is searched for (the search reads every document that spells the field's name).
    /// </summary>
    private bool IsKeyNameField(IOperation? context, string text, CancellationToken cancellationToken) =>
        context is IFieldInitializerOperation { InitializedFields: { Length: 1 } fields }
        && KeyNames.IsIdentifierLike(text.Trim(), allowSlash: false)
        && VariableUses.IsUsedAsAKeyName(fields[0], _compilation, cancellationToken);

    /// <summary>
    /// <c>const string UserSecret = "user_secret"</c> beside <c>UserProject = "user_project"</c> and <c>GroupSecret =
    /// "group_secret"</c>; <c>ChangePassword = "change_password"</c> among a generated enumeration's wire values;
    /// <c>Password = "xms_password"</c> among claim types (<c>Sub = "sub"</c>, <c>Username = "xms_username"</c>): a constant
    /// whose value spells its own name, in a type where most string constants spell theirs, is one name of a list
    /// (discriminators, wire values, claim or parameter names), not a credential. Alone, a constant so spelled stays what a
    /// sample sets (<c>AdminPassword = "admin_password"</c>, the SPEC). A prefix the value has before its name
    /// (<c>xms_</c>) must be shared by another name of the list.
    /// </summary>
    private static bool IsOneOfItsTypesNames(IOperation? context, string text)
    {
        if (context is not IFieldInitializerOperation { InitializedFields: { Length: 1 } fields }
            || fields[0] is not { IsConst: true, ContainingType: { } type } field
            || !CredentialValueShape.SpellsItsName(text, field.Name, out var prefix))
        {
            return false;
        }

        int others = 0, selfNamed = 0, sharingThePrefix = 0;
        foreach (var member in type.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true, ConstantValue: string value } other && !SymbolEqualityComparer.Default.Equals(other, field))
            {
                others++;
                if (CredentialValueShape.SpellsItsName(value, other.Name, out var otherPrefix))
                {
                    selfNamed++;
                    sharingThePrefix += prefix.Length > 0 && otherPrefix == prefix ? 1 : 0;
                }
            }
        }

        return selfNamed >= 3 && selfNamed * 2 > others && (prefix.Length == 0 || sharingThePrefix > 0);
    }

    private bool IsCatalogued(IOperation call) => call switch
    {
        IInvocationOperation invocation => Matcher.Index.TryGetSink(invocation.TargetMethod, out _),
        IObjectCreationOperation { Constructor: { } constructor } => Matcher.Index.TryGetSink(constructor, out _),
        _ => false,
    };

    /// <summary>
    /// Only wholly constant values are hard-coded (the SPEC): a literal inside a concatenation or interpolation with a
    /// run-time part (<c>$"SharedAccessSignature sr={uri}&amp;sig={signature}"</c>) is a fragment, no finding of its own;
    /// a wholly constant composition is one finding under its name, on the first literal that could be a credential. Null
    /// for a fragment of a composition with a run-time part; otherwise whether the literal is the one that carries its value.
    /// </summary>
    private bool? FirstOfWhollyConstantComposition(ILiteralOperation literal, CancellationToken cancellationToken)
    {
        // The outermost composition, remembered for each one passed (as in ClimbToContext): n steps for n parts, not n².
        IOperation? composition = null;
        List<IOperation>? passed = null;
        // StringParts.OutermostComposition's climb, with memory.
        for (var parent = StringParts.Parent(literal); parent is not null && StringParts.LeadsToComposition(parent); parent = StringParts.Parent(parent))
        {
            if (IsComposition(parent))
            {
                if (_outermostCompositions.TryGetValue(parent, out var known))
                {
                    composition = known.Top;
                    break;
                }

                (passed ??= new List<IOperation>()).Add(parent);
                composition = parent;
            }
        }

        if (passed is not null && composition is not null)
        {
            var outermost = new Climb(composition, null);
            foreach (var operation in passed)
            {
                _outermostCompositions.GetValue(operation, _ => outermost);
            }
        }

        if (composition is null)
        {
            return true;
        }

        if (composition.Type?.SpecialType != SpecialType.System_String)
        {
            // "Prefix" + result.AccessToken where result's type did not bind: a part that did not bind is read at run time,
            // so the literal is a fragment; a composition of another type (no string in it) is no composition of text.
            return composition.Type is null or { TypeKind: TypeKind.Error } && !composition.ConstantValue.HasValue ? null : true;
        }

        // Every literal of a composition asks the same question: answered once per composition, so a concatenation of
        // n parts costs one trace, not n.
        var first = _compositionFirstLiteral.GetValue(composition, c => new CompositionVerdict(FirstLiteralIfConstant(c, cancellationToken))).FirstLiteral;
        return first is null ? null : first == literal.Syntax;
    }

    private SyntaxNode? FirstLiteralIfConstant(IOperation composition, CancellationToken cancellationToken)
    {
        var whole = composition.ConstantValue is { HasValue: true, Value: string constant } ? constant : null;
        if (whole is null && !composition.ConstantValue.HasValue)
        {
            var traced = HardcodedStringTracer.Trace(composition, _compilation, cancellationToken);
            if (traced.Count == 0)
            {
                return null;
            }

            whole = traced.Count == 1 ? traced[0].Text : null;
        }

        if (whole is not null && CredentialValueShape.IsEndpointUrl(whole, Names))
        {
            // URLAccessToken = URLAPI + "user/login": the whole value is an endpoint, so no part of it carries a credential.
            return null;
        }

        return CarrierIn(composition.Syntax, CouldBeAValue);
    }

    /// <summary>
    /// The literal of a constant value that carries it: the first string literal (or interpolation text) of
    /// <paramref name="value"/> that could be a credential ("Bearer " + "…": the token, not the scheme), else the first
    /// literal (which then reports nothing). Asked of a composition (a name's value) and of what a sink is handed.
    /// </summary>
    private static SyntaxNode? CarrierIn(SyntaxNode value, Func<string, bool> couldBeAValue)
    {
        SyntaxNode? first = null;
        foreach (var node in value.DescendantNodesAndSelf())
        {
            var text = node is InterpolatedStringTextSyntax part ? part.TextToken.ValueText : StringLiteralText(node);
            if (text is null)
            {
                continue;
            }

            if (couldBeAValue(text))
            {
                return node;
            }

            first ??= node;
        }

        return first;
    }

    /// <summary>
    /// The screen every literal passes before any name or sink is asked: could it be a credential at all here. A pure
    /// judgement of the text in this compilation, and code repeats its literals (a fifth of Newtonsoft.Json's are
    /// distinct): judged once per text. Text too short to be one is answered without the memo.
    /// </summary>
    private bool CouldBeAValue(string text)
    {
        if (text.Length < 3)
        {
            return false;
        }

        if (!_couldBeAValue.TryGetValue(text, out var verdict))
        {
            verdict = CredentialValueShape.CanBeACredential(text) && !Matcher.IsAllowedPlaceholder(text) && !IsTestSentinel(text);
            _couldBeAValue.TryAdd(text, verdict);
        }

        return verdict;
    }

    private readonly ConcurrentDictionary<string, bool> _couldBeAValue = new(StringComparer.Ordinal);

    /// <summary>
    /// CDS1003's question, <see cref="CredentialShapes.Classify"/> in this compilation (test code or not), judged once per
    /// text as <see cref="CouldBeAValue"/> is.
    /// </summary>
    public string? ShapeOf(string text)
    {
        if (text.Length < CredentialShapes.MinimumLength)
        {
            return null;
        }

        if (!_shapes.TryGetValue(text, out var kind))
        {
            kind = CredentialShapes.Classify(text, IsTestCode);
            _shapes.TryAdd(text, kind);
        }

        return kind;
    }

    private readonly ConcurrentDictionary<string, string?> _shapes = new(StringComparer.Ordinal);

    /// <summary>As <see cref="CouldBeAValue"/>, for a text whose bytes a sink takes as its key (<see cref="SinkHit.IsKeyBytes"/>).</summary>
    public bool CouldBeAKey(string text) =>
        CredentialValueShape.CanBeAKey(text) && !Matcher.IsAllowedPlaceholder(text) && !IsTestSentinel(text);

    private readonly ConditionalWeakTable<IOperation, CompositionVerdict> _compositionFirstLiteral = new();

    /// <summary>The literal of a wholly constant composition that carries its value; null when a part is read at run time.</summary>
    private sealed class CompositionVerdict
    {
        public CompositionVerdict(SyntaxNode? firstLiteral) => FirstLiteral = firstLiteral;

        public SyntaxNode? FirstLiteral { get; }
    }

    /// <summary>
    /// <c>string[] ApiKeys = { "…" }</c>, <c>Passwords</c>, <c>Tokens</c>: the elements of an array stored under the
    /// plural of a credential name are credentials. Only asked for array elements (rare), so the substring is cheap.
    /// </summary>
    private bool IsPluralCredentialName(string name)
    {
        if (name.Length <= 3 || name[name.Length - 1] is not ('s' or 'S'))
        {
            return false;
        }

        // CommonPasswords, BannedPasswords, SensitiveTokens: lists of values to refuse or redact, not credentials.
        foreach (var qualifier in ListQualifiers)
        {
            if (name.IndexOf(qualifier, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }
        }

        return Names.TryMatch(name.Substring(0, name.Length - 1), out _);
    }

    /// <summary>
    /// An element of a plural list is weaker evidence than a singular name, as a positional sink is: it must look
    /// generated (letters and digits, no spaces: not "Bearer"), and a credential shape is CDS1003's.
    /// </summary>
    private static bool IsGeneratedUnshaped(string text) =>
        ConfigurationValueShapes.LooksLikeGeneratedCredential(text) && CredentialShapes.Classify(text) is null;

    private static readonly string[] ListQualifiers =
    {
        "common", "weak", "banned", "forbidden", "blocked", "black", "deny", "denied", "known", "leaked", "breached",
        "default", "sensitive", "redact", "masked", "invalid", "expired", "revoked", "test",
    };

    /// <summary>Whether CDS1001 reports the literal (it reaches a client-secret sink, here or through a declaration).</summary>
    public bool ReachesClientSecretSink(ILiteralOperation literal, CancellationToken cancellationToken)
    {
        var span = literal.Syntax.Span;
        var hits = ListPool<SinkHit>.Rent();
        try
        {
            IOperation? current = literal;
            for (var depth = 0; current is not null && depth < MaxSinkDepth; depth++, current = current.Parent)
            {
                hits.Clear();
                Matcher.Match(current, _compilation, cancellationToken, hits);
                foreach (var hit in hits)
                {
                    if (hit.Meaning == SinkMeaning.ClientSecret && hit.Value.Covers(literal.Syntax.SyntaxTree, span))
                    {
                        return true;
                    }
                }
            }
        }
        finally
        {
            ListPool<SinkHit>.Return(hits);
        }

        var context = ClimbToContext(literal, out _);
        return context is IFieldInitializerOperation or IPropertyInitializerOperation or IVariableInitializerOperation
               && _sinkBound.Value.Covers(literal.Syntax.SyntaxTree, span);
    }

    private string? KnownCredentialSinkFor(ILiteralOperation literal, CancellationToken cancellationToken, bool keyBytesOnly = false)
    {
        var context = ClimbToContext(literal, out _);

        // new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…")): the text goes to the key sink through its bytes.
        if (context is IArgumentOperation { Parent: IInvocationOperation bytes } && Matcher.TextBehindBytes(bytes) is not null)
        {
            context = ClimbToContext(bytes, out _);
        }

        var owner = context switch
        {
            IArgumentOperation argument => argument.Parent,
            ISimpleAssignmentOperation assignment => assignment,
            _ => null,
        };

        // Most calls a literal is passed to hold no credential sink: asked from their symbols, before the table below.
        if (owner is null || !Matcher.MayHandACredential(owner))
        {
            return null;
        }

        // Every part of a composition handed to one call asks about the same call: matched once (n parts, one trace).
        var sinks = _callSinks.GetValue(owner, call =>
        {
            var hits = ListPool<SinkHit>.Rent();
            Matcher.Match(call, _compilation, cancellationToken, hits);
            var found = new CallSinks(hits.ToArray());
            ListPool<SinkHit>.Return(hits);
            return found;
        });

        for (var i = 0; i < sinks.Hits.Length; i++)
        {
            var hit = sinks.Hits[i];
            if (hit.Meaning == SinkMeaning.Credential && (hit.IsKeyBytes || !keyBytesOnly)
                && hit.Value.Syntax.SyntaxTree == literal.Syntax.SyntaxTree && hit.Value.Syntax.Span.Contains(literal.Syntax.Span))
            {
                // One finding per value: on the part that carries it.
                return sinks.Carrier(i, hit.IsKeyBytes ? CouldBeAKey : CouldBeAValue) == literal.Syntax ? NameAtSink(hit, context as IArgumentOperation) : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The name CDS1002's message gives a value handed to a known credential sink: the parameter it is passed as, where that
    /// is credential-named (<c>UserManager.CreateAsync(user, "…")</c>: <c>password</c>, as for any positional argument);
    /// otherwise the sink (<c>SymmetricSecurityKey</c>, whose parameter is a <c>key</c>; an assigned property).
    /// </summary>
    public string NameAtSink(SinkHit hit, IArgumentOperation? argument) =>
        argument?.Parameter is { } parameter && Names.TryMatch(parameter.Name, out _) ? parameter.Name : hit.SinkName;

    private readonly ConditionalWeakTable<IOperation, CallSinks> _callSinks = new();

    /// <summary>What one call or assignment hands to credential sinks, and for each value the literal that carries it.</summary>
    private sealed class CallSinks
    {
        private readonly SyntaxNode?[] _carriers;
        private readonly bool[] _known;

        public CallSinks(SinkHit[] hits)
        {
            Hits = hits;
            _carriers = new SyntaxNode?[hits.Length];
            _known = new bool[hits.Length];
        }

        public SinkHit[] Hits { get; }

        /// <summary>The literal of hit <paramref name="index"/>'s value that carries it (<see cref="CarrierIn"/>), found once.</summary>
        public SyntaxNode? Carrier(int index, Func<string, bool> couldBeAValue)
        {
            if (!Volatile.Read(ref _known[index]))
            {
                _carriers[index] = CarrierIn(Hits[index].Value.Syntax, couldBeAValue);
                Volatile.Write(ref _known[index], true);
            }

            return _carriers[index];
        }
    }

    /// <summary>
    /// Walks up from the literal through what only composes the value (conversions, parentheses,
    /// concatenation, interpolation, ternaries, <c>??</c> fallbacks, switch-expression arms) to the operation that stores or passes it.
    /// </summary>
    /// <remarks>
    /// Every literal of a concatenation of n parts asks, and a left-nested chain is n levels deep: climbing from each
    /// would cost n² steps (10,000 parts: 50 million); so does every literal of a chain of n <c>?:</c> (5,000 levels: 3.1 s
    /// of CPU for CDS1002). So the answer is remembered for each operation passed on the way that more than one literal
    /// can climb through (a concatenation, an interpolation, a ternary, a <c>??</c>, a switch expression, an array
    /// initializer: the climb above one depends on it alone), and a later climb stops at the first one already
    /// answered: n steps in all.
    /// </remarks>
    private IOperation? ClimbToContext(IOperation literal, out IOperation top)
    {
        top = literal;
        var parent = literal.Parent;
        List<IOperation>? passed = null;
        while (parent is not null && ComposesTheValue(parent, top))
        {
            top = parent;
            parent = parent.Parent;
            if (IsJunction(top))
            {
                if (_climbs.TryGetValue(top, out var known))
                {
                    top = known.Top;
                    parent = known.Context;
                    break;
                }

                (passed ??= new List<IOperation>()).Add(top);
            }
        }

        if (passed is not null)
        {
            var climb = new Climb(top, parent);
            foreach (var junction in passed)
            {
                _climbs.GetValue(junction, _ => climb);
            }
        }

        return parent;
    }

    /// <summary>Whether <paramref name="parent"/> only composes the value <paramref name="child"/> is part of (not its condition, switched value or <c>??</c>'s first operand).</summary>
    private static bool ComposesTheValue(IOperation parent, IOperation child) => parent switch
    {
        IConversionOperation or IParenthesizedOperation or IInterpolatedStringTextOperation or IInterpolationOperation or IInterpolatedStringOperation => true,
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } => true,
        IConditionalOperation conditional => conditional.Condition != child,
        ICoalesceOperation coalesce => coalesce.Value != child,
        ISwitchExpressionArmOperation arm => arm.Value == child,
        ISwitchExpressionOperation switchExpression => switchExpression.Value != child,
        IArrayInitializerOperation or IArrayCreationOperation => true,
        _ => false,
    };

    /// <summary>An operation more than one literal can climb through to the same context: where a climb is remembered.</summary>
    private static bool IsJunction(IOperation operation) =>
        IsComposition(operation) || operation is IConditionalOperation or ICoalesceOperation or ISwitchExpressionOperation or IArrayInitializerOperation;

    private static bool IsComposition(IOperation operation) => StringParts.IsConcatenationOrInterpolation(operation);

    private readonly ConditionalWeakTable<IOperation, Climb> _climbs = new();

    private readonly ConditionalWeakTable<IOperation, Climb> _outermostCompositions = new();

    /// <summary>Where a climb from an operation ends: the outermost value it is part of, and what stores or passes it.</summary>
    private sealed class Climb
    {
        public Climb(IOperation top, IOperation? context)
        {
            Top = top;
            Context = context;
        }

        public IOperation Top { get; }

        public IOperation? Context { get; }
    }

    /// <summary>The symbol or key name the value is stored under, if the context names one.</summary>
    private string? NameOf(IOperation? context, IOperation value, CancellationToken cancellationToken)
    {
        switch (context)
        {
            case IFieldInitializerOperation { InitializedFields: { Length: > 0 } fields }:
                return IsTextType(fields[0].Type) ? fields[0].Name : null;
            case IPropertyInitializerOperation { InitializedProperties: { Length: > 0 } properties }:
                return IsTextType(properties[0].Type) ? properties[0].Name : null;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                // var password = option.HasValue() ? option.Value() : "…" where the option's type did not bind: the local's
                // type is an error, and the literal is what it holds whenever the option is not given.
                return IsTextType(declarator.Symbol.Type) || declarator.Symbol.Type.TypeKind == TypeKind.Error ? declarator.Symbol.Name : null;
            case IParameterInitializerOperation { Parameter: var parameter }:
                return parameter.Name;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } } indexed when indexed.Value == value:
                // settings["ApiKey"] = "…": the key it is stored under, read as every rule reads one.
                return KeyedValues.TryRead(indexed, _compilation, cancellationToken, out var entry) ? entry.Key : null;
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return TargetName(assignment.Target, cancellationToken);
            case IInvalidOperation { Syntax: AssignmentExpressionSyntax { Left: var left } }:
                // new TestUser { Password = "…" } where TestUser did not bind: the name still says what the value is.
                return UnboundMemberName(left);
            case IInvalidOperation { Syntax: InvocationExpressionSyntax call } invalid:
                return UnboundSetterName(call, value.Syntax) ?? UnboundArgumentName(invalid, call, call.ArgumentList, value.Syntax);
            case IInvalidOperation { Syntax: ObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation } invalid:
                // new TokenClient(address, "client", "…") with no such constructor in the version compiled against.
                return UnboundArgumentName(invalid, creation, arguments, value.Syntax);
            case IArgumentOperation argument:
                return ArgumentName(argument, cancellationToken);
            case ITupleOperation tuple when TupleElementName(tuple, value, cancellationToken) is { } elementName:
                // var (user, password) = ("svc", "…"); (string Name, string Token) entry = ("ci", "…")
                return elementName;
            case ITupleOperation { Elements.Length: 2 } tuple when tuple.Elements[1] == value:
                return KeyedValues.TryRead(tuple, _compilation, cancellationToken, out var pair) ? pair.Key : null;
            case IReturnOperation returned:
                return ReturningMemberName(returned, cancellationToken);
            default:
                return null;
        }
    }

    /// <summary>
    /// The name a tuple element is stored under: the local it is deconstructed into, or the element's name in the
    /// named tuple type it converts to; null when neither names it.
    /// </summary>
    private string? TupleElementName(ITupleOperation tuple, IOperation value, CancellationToken cancellationToken)
    {
        var index = tuple.Elements.IndexOf(value);
        if (index < 0)
        {
            return null;
        }

        IOperation outer = tuple;
        while (outer.Parent is IConversionOperation conversion)
        {
            outer = conversion;
        }

        if (outer.Parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Value == outer)
        {
            var target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
            return target is ITupleOperation targets && index < targets.Elements.Length
                ? TargetName(targets.Elements[index] is IDeclarationExpressionOperation single ? single.Expression : targets.Elements[index], cancellationToken)
                : null;
        }

        if (outer.Type is INamedTypeSymbol { IsTupleType: true } tupleType && index < tupleType.TupleElements.Length)
        {
            var element = tupleType.TupleElements[index];
            return element.IsExplicitlyNamedTupleElement ? element.Name : null;
        }

        return null;
    }

    private string? TargetName(IOperation target, CancellationToken cancellationToken) => target switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments: { Length: 1 } index } => KeyedValues.KeyText(index[0].Value, _compilation, cancellationToken),
        IPropertyReferenceOperation property => IsTextType(property.Property.Type) ? property.Property.Name : null,
        IFieldReferenceOperation field => IsTextType(field.Field.Type) ? field.Field.Name : null,
        ILocalReferenceOperation local => IsTextType(local.Local.Type) ? local.Local.Name : null,
        IParameterReferenceOperation parameter => IsTextType(parameter.Parameter.Type) ? parameter.Parameter.Name : null,
        IInvalidOperation invalid => UnboundMemberName(invalid.Syntax),
        _ => null,
    };

    /// <summary>
    /// The member name an assignment's target spells where its type did not bind (<c>o.ClientSecret</c>, an object
    /// initializer's <c>Password</c>): name-based matches work from syntax (the SPEC), never as a client-secret sink.
    /// </summary>
    private static string? UnboundMemberName(SyntaxNode target) => target switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax { Parent: AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } } name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// <c>options.SetClientSecret("…")</c> on a builder that did not bind (OpenIddict's web providers are made by a source
    /// generator a source-only scan does not run): a <c>Set</c> call of one argument stores it under the member it names,
    /// as <c>options.ClientSecret = "…"</c> does — the name the value is kept under, not the method's (name-based matches
    /// work from syntax, the SPEC; never a sink). A call of more arguments, or of any other verb, says nothing of its value.
    /// </summary>
    /// <summary>
    /// The parameter an argument of a call that does not bind is passed as: its name where the argument is named
    /// (<c>WithUser(name: "…", password: "…")</c>), else the parameter at its position when the solution's own methods of
    /// that name agree on it (<see cref="OwnMethodsByName"/>: Aspire AppHost chains over types the scan lacks), or when
    /// the call is one an older version of a resolved library type declared (<see cref="LegacyParameters"/>).
    /// </summary>
    private string? UnboundArgumentName(IOperation invalid, ExpressionSyntax call, ArgumentListSyntax argumentList, SyntaxNode value)
    {
        var arguments = argumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!arguments[i].Span.Contains(value.Span) || arguments[i].Expression is not LiteralExpressionSyntax)
            {
                continue;
            }

            if (arguments[i].NameColon is { } named)
            {
                return named.Name.Identifier.ValueText;
            }

            for (var j = 0; j < i; j++)
            {
                // After a named argument out of position, positions say nothing.
                if (arguments[j].NameColon is not null)
                {
                    return null;
                }
            }

            return (call is InvocationExpressionSyntax invocation ? _ownMethods.Value.ParameterNameAt(invocation, i) : null)
                ?? (call is ObjectCreationExpressionSyntax creation ? OwnMethodsByName.AmbiguousConstructorParameterNameAt(invalid.SemanticModel, creation, i) : null)
                ?? LegacyParameters.NameAt(invalid.SemanticModel, call, i)
                ?? (call is InvocationExpressionSyntax pair ? UnboundNameValueCalls.NameAt(invalid.SemanticModel, pair, i) : null);
        }

        return null;
    }

    private static string? UnboundSetterName(InvocationExpressionSyntax call, SyntaxNode value)
    {
        if (call.ArgumentList.Arguments is not { Count: 1 } arguments || arguments[0].NameColon is not null
            || !arguments[0].Span.Contains(value.Span))
        {
            return null;
        }

        var method = call.Expression switch
        {
            MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } => name.Identifier.ValueText,
            IdentifierNameSyntax name => name.Identifier.ValueText,
            _ => null,
        };

        return method is null ? null : SetterStoredName(method);
    }

    /// <summary>The member a one-argument setter stores its value under (<c>SetClientSecret</c> → <c>ClientSecret</c>), or null.</summary>
    internal static string? SetterStoredName(string method) =>
        method.Length > 3 && method.StartsWith("Set", StringComparison.Ordinal) && char.IsUpper(method[3]) ? method.Substring(3) : null;

    /// <summary>
    /// Whether a value that reads like a label is spelled from a name given beside it (<see cref="CredentialValueShape.IsSpelledFromName"/>):
    /// another constant set in the same object initializer, on the same receiver in the same block, or by a one-argument
    /// call of the same builder chain (<c>.SetClientId("rs_ordersApi").SetClientSecret("ordersSecret")</c>). Asked only of
    /// values under a credential name that would otherwise pass as labels.
    /// </summary>
    private bool IsSpelledFromANameBeside(SyntaxNode value, string text)
    {
        foreach (var (_, beside) in TextsBeside(value))
        {
            if (CredentialValueShape.IsSpelledFromName(text, beside, Names))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The string constants set beside a value, with the member or local each is set on where there is one (none for a
    /// builder chain's arguments): the other members of its object initializer, the other members of the same object set in
    /// its block, the locals declared beside it, the single arguments of the calls chained with it.
    /// </summary>
    private static IEnumerable<(string? Name, string Text)> TextsBeside(SyntaxNode value)
    {
        var node = value;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } assignment:
                foreach (var expression in initializer.Expressions)
                {
                    if (expression != assignment && expression is AssignmentExpressionSyntax { Left: var left, Right: var right } && StringLiteralText(right) is { } text)
                    {
                        yield return ((left as IdentifierNameSyntax)?.Identifier.ValueText, text);
                    }
                }

                break;
            case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target, Parent: ExpressionStatementSyntax { Parent: BlockSyntax block } statement }:
                foreach (var other in block.Statements)
                {
                    if (other != statement
                        && other is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member, Right: var right } }
                        && member.Expression.IsEquivalentTo(target.Expression)
                        && StringLiteralText(right) is { } text)
                    {
                        yield return (member.Name.Identifier.ValueText, text);
                    }
                }

                break;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } } declarator }:
                // var clientId = "…"; var clientSecret = "…-secret";: the locals declared beside it, in its block or among the
                // top-level statements of a Program.cs.
                foreach (var other in SiblingStatements(statement))
                {
                    if (other is LocalDeclarationStatementSyntax { Declaration.Variables: var variables })
                    {
                        foreach (var variable in variables)
                        {
                            if (variable != declarator && variable.Initializer is { Value: var initializer } && StringLiteralText(initializer) is { } text)
                            {
                                yield return (variable.Identifier.ValueText, text);
                            }
                        }
                    }
                }

                break;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax call } }:
                for (var inner = (call.Expression as MemberAccessExpressionSyntax)?.Expression as InvocationExpressionSyntax;
                     inner is not null;
                     inner = (inner.Expression as MemberAccessExpressionSyntax)?.Expression as InvocationExpressionSyntax)
                {
                    if (SingleStringArgument(inner) is { } text)
                    {
                        yield return (null, text);
                    }
                }

                for (SyntaxNode link = call; link.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == link; link = outer)
                {
                    if (SingleStringArgument(outer) is { } text)
                    {
                        yield return (null, text);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// <c>options.Password = …</c>, <c>new Login { Password = … }</c>: an assignment to a member of an object, which sets
    /// what that object uses, not a constant's declaration that names something, nor a dictionary's entry (a label under
    /// a key such as <c>["Login.Password"]</c>).
    /// </summary>
    private static bool IsSetOnAnObject(IOperation? context) =>
        context is ISimpleAssignmentOperation
        {
            Target: IFieldReferenceOperation { Instance: not null, Member.IsStatic: false }
                or IPropertyReferenceOperation { Instance: not null, Member.IsStatic: false, Arguments.Length: 0 },
        }
        // A member of an object initializer is an instance member whether or not its type resolves (a package type a
        // source-only scan lacks: new InMemoryUser { Password = "…" }); an indexer's [key] = … is not a member.
        || context?.Syntax is AssignmentExpressionSyntax { Left: IdentifierNameSyntax, Parent: InitializerExpressionSyntax initializer }
            && initializer.IsKind(SyntaxKind.ObjectInitializerExpression);

    /// <summary>
    /// <c>static string _clientSecret = "…"</c>, <c>var dbPassword = "…"</c>, <c>o.ClientSecret = "…"</c> (bound or not): a value held by a
    /// field, property or local, or set on a member; not a constant (a field's or a grant type's name) nor a dictionary's entry.
    /// </summary>
    private static bool IsStoredInAVariableOrMember(SyntaxNode value) => value.Parent switch
    {
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => true,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var holder } } } =>
            holder is FieldDeclarationSyntax field ? !field.Modifiers.Any(SyntaxKind.ConstKeyword)
            : holder is LocalDeclarationStatementSyntax local && !local.IsConst,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax or MemberAccessExpressionSyntax } assignment => assignment.Right == value,
        _ => false,
    };

    /// <summary>
    /// <c>Login(user, password: "secret")</c>, <c>client.RequestResourceOwnerPasswordAsync("bob", "secret", …)</c> of an
    /// old overload that does not bind: an argument given to a parameter is what the call uses, as a value set on an object
    /// is (<see cref="IsSetOnAnObject"/>); never a dictionary's entry (<c>Add("password", …)</c>, a key and its value).
    /// </summary>
    private static bool IsPassedToAParameter(IOperation? context) =>
        context is IArgumentOperation { Syntax: ArgumentSyntax { NameColon: not null }, Parameter: not null }
            or IInvalidOperation { Syntax: InvocationExpressionSyntax or ObjectCreationExpressionSyntax };

    /// <summary>The statements of the block a statement is in, or the top-level statements beside a top-level one.</summary>
    private static IEnumerable<StatementSyntax> SiblingStatements(StatementSyntax statement)
    {
        switch (statement.Parent)
        {
            case BlockSyntax block:
                return block.Statements;
            case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }:
                return TopLevelStatements(unit);
            default:
                return Array.Empty<StatementSyntax>();
        }
    }

    private static IEnumerable<StatementSyntax> TopLevelStatements(CompilationUnitSyntax unit)
    {
        foreach (var member in unit.Members)
        {
            if (member is GlobalStatementSyntax global)
            {
                yield return global.Statement;
            }
        }
    }

    private static string? SingleStringArgument(InvocationExpressionSyntax call) =>
        call.ArgumentList.Arguments is { Count: 1 } arguments ? StringLiteralText(arguments[0].Expression) : null;

    private static string? StringLiteralText(SyntaxNode expression) =>
        expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal ? literal.Token.ValueText : null;

    /// <summary>
    /// A named argument (<c>apiKey: "…"</c>, an attribute's <c>ApiKey = "…"</c>) names the parameter; a positional
    /// one is named by the key it is stored under, by the one pair policy (<see cref="KeyedValues.KeyOf"/>:
    /// <c>Add("ApiKey", "…")</c>, <c>SetEnvironmentVariable("API_KEY", "…")</c>, <c>new KeyValuePair&lt;,&gt;("password", "…")</c>).
    /// Its own parameter's name is asked by the caller.
    /// </summary>
    private string? ArgumentName(IArgumentOperation argument, CancellationToken cancellationToken)
    {
        if (argument.Syntax is ArgumentSyntax { NameColon: not null } or AttributeArgumentSyntax { NameColon: not null } && argument.Parameter is { } named)
        {
            return named.Name;
        }

        return KeyedValues.KeyOf(argument, _compilation, cancellationToken);
    }

    /// <summary>
    /// The test parameter a data row's value is named by (<see cref="TestDataParameterName"/>), where the value looks real as
    /// a row's value must (<see cref="TestSentinels.LooksRealInADataRow"/>: a known format, or key-length random): a row
    /// feeds a theory the inputs it must accept or refuse, weak and illegal ones by design.
    /// </summary>
    private static string? TestDataRowName(SyntaxNode literal, string text) =>
        TestDataParameterName(literal) is { } name && TestSentinels.LooksRealInADataRow(text) ? name : null;

    /// <summary>
    /// A test's data row (<c>[DataRow("…", 1337)]</c>, <c>[TestCase(…)]</c>, <c>[InlineData(…)]</c>: <see cref="TestFrameworks.DataRowAttributes"/>):
    /// its positional arguments are the test method's arguments in order, so the value is named by the text parameter at
    /// its position. Read from syntax: a scan compiles a test project without its framework, and the attribute's own
    /// parameter (<c>params object[] data</c>) names nothing.
    /// </summary>
    private static string? TestDataParameterName(SyntaxNode literal)
    {
        if (literal.Parent is not AttributeArgumentSyntax { NameEquals: null, NameColon: null } argument
            || argument.Parent is not AttributeArgumentListSyntax list
            || list.Parent is not AttributeSyntax attribute
            || attribute.Parent?.Parent is not MethodDeclarationSyntax method
            || !TestFrameworks.IsDataRowAttribute(attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            }))
        {
            return null;
        }

        var position = 0;
        foreach (var other in list.Arguments)
        {
            if (other == argument)
            {
                break;
            }

            if (other.NameEquals is not null || other.NameColon is not null)
            {
                return null;
            }

            position++;
        }

        var parameters = method.ParameterList.Parameters;
        if (position >= parameters.Count || parameters[position].Modifiers.Any(SyntaxKind.ParamsKeyword))
        {
            return null;
        }

        return IsStringSyntax(parameters[position].Type) ? parameters[position].Identifier.ValueText : null;
    }

    /// <summary><c>string ApiKey =&gt; "…";</c>, <c>get { return "…"; }</c>; never a method's name.</summary>
    private static string? ReturningMemberName(IReturnOperation returned, CancellationToken cancellationToken)
    {
        for (var node = returned.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case PropertyDeclarationSyntax property:
                    return IsStringSyntax(property.Type) ? property.Identifier.ValueText : null;
                case MethodDeclarationSyntax:
                    // Only symbols that hold data carry a credential name (the SPEC): GenerateSasToken() computes one.
                    return null;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary><c>string</c> or <c>string?</c> as a declaration spells it.</summary>
    private static bool IsStringSyntax(TypeSyntax? type) =>
        (type is NullableTypeSyntax nullable ? nullable.ElementType : type) is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword };

    /// <summary>Types a hard-coded credential is stored as; a <c>CancellationToken</c> or an enum never is.</summary>
    private static bool IsTextType(ITypeSymbol? type) =>
        type is null || type.SpecialType is SpecialType.System_String or SpecialType.System_Object
        || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte or SpecialType.System_String };
}
