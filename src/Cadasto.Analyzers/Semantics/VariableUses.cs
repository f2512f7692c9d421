using System;
using System.Linq;
using System.Threading;
using Cadasto.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.Semantics;

/// <summary>
/// What a credential-named local or parameter is used as in the member that writes it: code evidence that it holds no
/// credential. Passed where a method takes a path (<c>File.Exists(path)</c>, <c>GetSecretVersion(string path)</c>): it
/// holds where a credential is (<c>GOOGLE_APPLICATION_CREDENTIALS</c> is a key file's path). Passed where a lookup takes
/// a name or a configuration key (<c>GetSecretAsync(secretName)</c>, <c>configuration[key]</c>): it names a secret. Set
/// only from a regular expression's match (<c>var token = match.Value</c>): a template's or a grammar's token.
/// </summary>
internal static class VariableUses
{
    // How far a local set from another local is followed back to a match.
    private const int MaxMatchDepth = 3;

    public static bool IsUsedAsAPath(IOperation reference, CancellationToken cancellationToken) =>
        IsPassedAs(reference, IsPathParameter, cancellationToken);

    /// <summary>
    /// <c>client.GetSecretAsync(secret)</c>, <c>GetSecretByNameAsync(string secretName)</c>, <c>Environment.GetEnvironmentVariable(secret)</c>,
    /// <c>configuration[secret]</c>, <c>GetValue&lt;string&gt;(secret)</c>: the variable is the name or key a value is looked up
    /// by, whatever the variable is called. A <c>key</c> parameter counts on configuration's own types only (an
    /// encryption's key is a secret); a dictionary's key is a type parameter and never counts.
    /// </summary>
    public static bool IsUsedAsAKeyName(IOperation reference, CancellationToken cancellationToken) =>
        IsPassedAs(reference, IsNameParameter, cancellationToken) || IsOneOfTheNamesLookedUp(reference, cancellationToken);

    /// <summary>
    /// <c>var found = await provider.ResolveSecretsAsync(secrets); foreach (var secret in secrets) Console.WriteLine(secret);</c>: the
    /// variable of a loop over a collection that the member hands to a lookup taking names or keys (<c>keys</c>, <c>names</c>,
    /// <c>secretNames</c>) and answering with a dictionary by them holds one of those names; the values are the answer's.
    /// </summary>
    private static bool IsOneOfTheNamesLookedUp(IOperation reference, CancellationToken cancellationToken)
    {
        if (reference is not ILocalReferenceOperation { Local: { DeclaringSyntaxReferences.Length: 1 } local } || reference.SemanticModel is not { } model
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ForEachStatementSyntax loop
            || loop.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        return model.GetOperation(loop.Expression, cancellationToken) is { } collection
               && StringParts.Unwrap(collection) is ILocalReferenceOperation or IParameterReferenceOperation
               && IsPassedAs(StringParts.Unwrap(collection), IsLookedUpNames, cancellationToken);
    }

    /// <summary>A collection of strings named <c>keys</c>, <c>names</c>, <c>…Keys</c> or <c>…Names</c>, of a method that answers with a dictionary by string.</summary>
    private static bool IsLookedUpNames(IParameterSymbol parameter)
    {
        var name = parameter.Name;
        if (!(name is "keys" or "names" || name.EndsWith("Keys", StringComparison.Ordinal) || name.EndsWith("Names", StringComparison.Ordinal))
            || parameter.ContainingSymbol is not IMethodSymbol method || !IsStringSequence(parameter.OriginalDefinition.Type))
        {
            return false;
        }

        var answer = method.ReturnType;
        if (answer is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task)
        {
            answer = task.TypeArguments[0];
        }

        return answer is INamedTypeSymbol dictionary
               && (CollectionTypes.IsDictionaryByString(dictionary) || dictionary.AllInterfaces.Any(CollectionTypes.IsDictionaryByString));
    }

    private static bool IsStringSequence(ITypeSymbol type) =>
        type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String }
        || (type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == SpecialType.System_String
            && (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                || named.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)));

    /// <summary>
    /// <c>Configuration[PushServiceKeys.PushEndpointSecret]</c>, <c>Environment.GetEnvironmentVariable(Keys.ApiKey)</c>: a constant
    /// or read-only field that the compilation passes where a lookup takes a name or a configuration key (as
    /// <see cref="IsUsedAsAKeyName(IOperation, CancellationToken)"/> reads a local) holds that name, whatever it is called
    /// and however its value reads. Searches the documents that spell the field's name; callers ask it last, of a value
    /// that could be a key.
    /// </summary>
    public static bool IsUsedAsAKeyName(IFieldSymbol field, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!field.IsConst && !field.IsReadOnly)
        {
            return false;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!SourceTextSearch.Contains(tree.GetText(cancellationToken), field.Name, StringComparison.Ordinal))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var argument in tree.GetRoot(cancellationToken).DescendantNodes().OfType<ArgumentSyntax>())
            {
                var name = argument.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    _ => null,
                };
                if (!string.Equals(name, field.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                // The analyzer driver has no model to hand out for another tree; this runs for a few fields per compilation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } operation
                    && IsNameParameter(parameter)
                    && StringParts.Unwrap(operation.Value) is IFieldReferenceOperation { Field: var used }
                    && SymbolEqualityComparer.Default.Equals(used.OriginalDefinition, field.OriginalDefinition))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>const string CallBackUrl = "/oauth/callback"</c> used by its own type as <c>new UriBuilder { Path = CallBackUrl }</c> or
    /// <c>endpoints.Map(CallBackUrl, …)</c>: a constant or read-only field that its type sets as a path (a property named
    /// <c>…Path</c>) or passes where a method takes a path or a route pattern is a path by design, made absolute from the
    /// request at run time — as ASP.NET Core's <c>CallbackPath</c> is. Searches the declarations of the field's type only.
    /// </summary>
    public static bool IsUsedAsAPath(IFieldSymbol field, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!field.IsConst && !field.IsReadOnly)
        {
            return false;
        }

        foreach (var declaration in field.ContainingType.DeclaringSyntaxReferences)
        {
            var tree = declaration.SyntaxTree;
            if (!compilation.ContainsSyntaxTree(tree))
            {
                continue;
            }

            SemanticModel? model = null;
            foreach (var identifier in declaration.GetSyntax(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (!string.Equals(identifier.Identifier.ValueText, field.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                // As in IsUsedAsAKeyName: a few fields per compilation, in their own type's documents.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model ??= compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (model.GetOperation(identifier, cancellationToken) is not IFieldReferenceOperation { Field: var used } reference
                    || !SymbolEqualityComparer.Default.Equals(used.OriginalDefinition, field.OriginalDefinition))
                {
                    continue;
                }

                IOperation value = reference;
                while (value.Parent is IConversionOperation conversion)
                {
                    value = conversion;
                }

                switch (value.Parent)
                {
                    case IArgumentOperation { Parameter: { } parameter } when IsPathParameter(parameter) || parameter.Name == "pattern":
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var property } } assignment
                        when assignment.Value == value && property.EndsWith("Path", StringComparison.Ordinal):
                        return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>var token = filter(match.Value)</c>, <c>callingToken = token</c>: a local that every assignment in its member sets
    /// from the text of a regular expression's match (<c>Match</c>, <c>Group</c>, <c>Capture</c>), or from another such local,
    /// or to <c>null</c>, and at least one sets: what an expander or a parser matched in its input. CDS1005 asks it of
    /// token-named locals only (a password cut out of a string with a regex is still a password).
    /// </summary>
    public static bool HoldsMatchedText(IOperation reference, CancellationToken cancellationToken) =>
        reference is ILocalReferenceOperation { Local: var local } && reference.SemanticModel is { } model
        && MemberOf(reference.Syntax) is { } member
        && HoldsMatchedText(local, member, model, MaxMatchDepth, cancellationToken);

    private static bool HoldsMatchedText(ILocalSymbol local, SyntaxNode member, SemanticModel model, int depth, CancellationToken cancellationToken) =>
        EveryAssignment(local, member, model, value => IsMatchedText(value, member, model, depth, cancellationToken), cancellationToken);

    /// <summary>
    /// Whether the member sets <paramref name="local"/> at least once and every value it sets it to (its initializer and each
    /// <c>=</c>, <c>null</c> aside) is one <paramref name="accepts"/>; never when a compound assignment, a deconstruction or a
    /// <c>ref</c>/<c>out</c> argument sets it from what is not read here. Locals are matched by name within the member:
    /// two locals of one name must both pass.
    /// </summary>
    private static bool EveryAssignment(ILocalSymbol local, SyntaxNode member, SemanticModel model, Func<IOperation, bool> accepts, CancellationToken cancellationToken)
    {
        var set = false;
        foreach (var node in member.DescendantNodes())
        {
            ExpressionSyntax? value;
            switch (node)
            {
                case VariableDeclaratorSyntax declarator when declarator.Identifier.ValueText == local.Name:
                    value = declarator.Initializer?.Value;
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when target.Identifier.ValueText == local.Name:
                    if (!assignment.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression))
                    {
                        return false;
                    }

                    value = assignment.Right;
                    break;
                case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } deconstruction
                    when deconstruction.Left.DescendantTokens().Any(t => t.ValueText == local.Name):
                    return false;
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: var argument }
                    when argument is IdentifierNameSyntax { Identifier.ValueText: var name } && name == local.Name:
                    return false;
                case SingleVariableDesignationSyntax designation when designation.Identifier.ValueText == local.Name:
                    return false;
                default:
                    continue;
            }

            if (value is null)
            {
                continue;
            }

            if (model.GetOperation(value, cancellationToken) is not { } operation)
            {
                return false;
            }

            operation = StringParts.Unwrap(operation);
            if (operation.ConstantValue is { HasValue: true, Value: null })
            {
                continue;
            }

            if (!accepts(operation))
            {
                return false;
            }

            set = true;
        }

        return set;
    }

    /// <summary>
    /// <c>string token = Guid.NewGuid().ToString(); _transactions.Push(token)</c> … <c>token = _transactions.Pop()</c>, <c>string token
    /// = scope.GetHashCode().ToString()</c>: a local that every assignment in its member sets to an identifier made at run time — a
    /// new GUID or an object's hash code as text, or what is taken back (<c>Pop</c>, <c>Peek</c>, <c>Dequeue</c>) from a private
    /// collection of its type that is only given such identifiers — and that the member keeps to itself: it is written out
    /// (<paramref name="isOutput"/>: the invocation or creation an argument goes to is a log, the console, an exception), compared,
    /// or put in such a collection; never returned, stored elsewhere or passed on. A credential is handed to someone to be of use:
    /// a marker the code makes and keeps is none, while a new GUID returned or passed to a store is a token and stays one.
    /// </summary>
    public static bool HoldsAKeptIdentifier(IOperation reference, Func<IOperation, bool> isOutput, CancellationToken cancellationToken)
    {
        if (reference is not ILocalReferenceOperation { Local: var local } || reference.SemanticModel is not { } model
            || MemberOf(reference.Syntax) is not { } member || local.ContainingSymbol?.ContainingType is not { } type)
        {
            return false;
        }

        var kept = new KeptIdentifiers(type, model, isOutput, cancellationToken);
        return EveryAssignment(local, member, model, value => IsIdentifierText(value) || kept.IsTakenFromACollectionOfThem(value), cancellationToken)
               && kept.IsKept(local, member, model);
    }

    /// <summary>
    /// <c>Guid.NewGuid().ToString("N")</c>, <c>scope.GetHashCode().ToString()</c>, <c>$"{Guid.NewGuid():N}"</c>,
    /// <c>Guid.NewGuid().ToString().Replace("-", "")</c>: text of an identifier made at run time, nothing else in it but constants.
    /// </summary>
    private static bool IsIdentifierText(IOperation value)
    {
        value = StringParts.Unwrap(value);
        if (value is IInvocationOperation { Instance: { } instance, TargetMethod.Name: var name })
        {
            return name == "ToString"
                ? IsRunTimeIdentifier(instance)
                : instance.Type?.SpecialType == SpecialType.System_String
                  && name is "Replace" or "Substring" or "Trim" or "ToUpper" or "ToLower" or "ToUpperInvariant" or "ToLowerInvariant"
                  && IsIdentifierText(instance);
        }

        if (!StringParts.IsConcatenationOrInterpolation(value))
        {
            return false;
        }

        var identifier = false;
        foreach (var part in StringParts.Of(value))
        {
            if (part.ConstantValue.HasValue)
            {
                continue;
            }

            if (!IsRunTimeIdentifier(part) && !IsIdentifierText(part))
            {
                return false;
            }

            identifier = true;
        }

        return identifier;
    }

    /// <summary><c>Guid.NewGuid()</c>, <c>x.GetHashCode()</c>: an identifier made at run time (a new GUID's text is a token only where it is handed out).</summary>
    private static bool IsRunTimeIdentifier(IOperation value) =>
        StringParts.Unwrap(value) is IInvocationOperation { TargetMethod: var method }
        && ((method.Name == "NewGuid" && SymbolNames.IsType(method.ContainingType, "System", "Guid"))
            || (method.Name == "GetHashCode" && method.ReturnType.SpecialType == SpecialType.System_Int32));

    /// <summary>The reading of <see cref="HoldsAKeptIdentifier"/> for one type: where its identifiers may go.</summary>
    private sealed class KeptIdentifiers(INamedTypeSymbol type, SemanticModel model, Func<IOperation, bool> isOutput, CancellationToken cancellationToken)
    {
        /// <summary><c>_transactions.Pop()</c>: taken back from a private collection every put of which is a kept identifier.</summary>
        public bool IsTakenFromACollectionOfThem(IOperation value) =>
            value is IInvocationOperation { TargetMethod.Name: "Pop" or "Peek" or "Dequeue", Instance: { } instance }
            && StringParts.Unwrap(instance) is IFieldReferenceOperation { Field: var field }
            && StaysInside(field, checkPuts: true);

        /// <summary>Whether every use of <paramref name="local"/> in <paramref name="member"/> keeps it inside the type.</summary>
        public bool IsKept(ILocalSymbol local, SyntaxNode member, SemanticModel memberModel)
        {
            foreach (var identifier in member.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == local.Name
                    && memberModel.GetOperation(identifier, cancellationToken) is ILocalReferenceOperation use
                    && SymbolEqualityComparer.Default.Equals(use.Local, local)
                    && !IsKeptUse(use))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsKeptUse(ILocalReferenceOperation use)
        {
            if (StringParts.Parent(use) is IAssignmentOperation assignment && assignment.Target == use)
            {
                return true; // a set, judged by EveryAssignment
            }

            var value = StringParts.OutermostComposition(use) ?? use;
            var holder = StringParts.Parent(value);
            if (holder is IArrayInitializerOperation { Parent: IArrayCreationOperation { IsImplicit: true } parameters })
            {
                holder = StringParts.Parent(parameters); // logger.LogDebug("… {Token}", token): the params array's element
            }

            return holder switch
            {
                IArgumentOperation { Parent: { } consumer } => isOutput(consumer)
                                                              || IsCallOnAPrivateCollection(consumer)
                                                              || consumer is IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType.SpecialType: SpecialType.System_String, ReturnType.SpecialType: not SpecialType.System_String } },
                IBinaryOperation or IIsPatternOperation or IPropertyReferenceOperation => true,
                IInvocationOperation { Instance: { } instance, TargetMethod.ReturnType.SpecialType: not SpecialType.System_String } => instance == value,
                _ => false,
            };
        }

        private bool IsCallOnAPrivateCollection(IOperation consumer) =>
            consumer is IInvocationOperation { Instance: { } instance }
            && StringParts.Unwrap(instance) is IFieldReferenceOperation { Field: var field }
            && StaysInside(field, checkPuts: false);

        /// <summary>
        /// A private collection field of the type that never leaves it (every use is a member of it, or its creation empty); with
        /// <paramref name="checkPuts"/>, also every string put in it (<c>Push</c>, <c>Add</c>, <c>Enqueue</c>…) is identifier text or a
        /// local that holds one and is kept.
        /// </summary>
        private bool StaysInside(IFieldSymbol field, bool checkPuts)
        {
            if (field.DeclaredAccessibility != Accessibility.Private || !SymbolEqualityComparer.Default.Equals(field.ContainingType, type)
                || field.Type is not INamedTypeSymbol collection || !SymbolNames.IsInNamespace(collection.ContainingNamespace, "System.Collections")
                || field.DeclaringSyntaxReferences.Length != 1
                || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                || declarator.Initializer is { Value: not BaseObjectCreationExpressionSyntax { Initializer: null } })
            {
                return false;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(cancellationToken);
                var typeModel = ModelOf(declaration.SyntaxTree);
                foreach (var identifier in declaration.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    // this._transactions: the member access is the field's reference.
                    SyntaxNode node = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                    if (identifier.Identifier.ValueText == field.Name
                        && typeModel.GetOperation(node, cancellationToken) is IFieldReferenceOperation use
                        && SymbolEqualityComparer.Default.Equals(use.Field, field)
                        && !IsUseInside(use, checkPuts, typeModel))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private bool IsUseInside(IFieldReferenceOperation use, bool checkPuts, SemanticModel typeModel)
        {
            switch (StringParts.Parent(use))
            {
                case IPropertyReferenceOperation property when property.Instance == use:
                    return true; // _transactions.Count
                case ISimpleAssignmentOperation assignment when assignment.Target == use:
                    return StringParts.Unwrap(assignment.Value) is IObjectCreationOperation { Initializer: null };
                case IInvocationOperation invocation when invocation.Instance == use:
                    if (!checkPuts || invocation.TargetMethod.Name is not ("Push" or "Enqueue" or "Add" or "Insert" or "TryAdd" or "AddFirst" or "AddLast"))
                    {
                        return true;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String && !IsKeptIdentifierText(argument.Value, typeModel))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        private bool IsKeptIdentifierText(IOperation value, SemanticModel typeModel)
        {
            value = StringParts.Unwrap(value);
            if (IsIdentifierText(value))
            {
                return true;
            }

            return value is ILocalReferenceOperation { Local: var local } && MemberOf(value.Syntax) is { } member
                   && EveryAssignment(local, member, typeModel, IsIdentifierText, cancellationToken)
                   && IsKept(local, member, typeModel);
        }

        private SemanticModel ModelOf(SyntaxTree tree)
        {
            if (tree == model.SyntaxTree)
            {
                return model;
            }

            // Another part of a partial type: rare, and asked only of a credential-named local written out.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            return model.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
        }
    }

    private static bool IsMatchedText(IOperation value, SyntaxNode member, SemanticModel model, int depth, CancellationToken cancellationToken)
    {
        if (value is ILocalReferenceOperation { Local: var other })
        {
            return depth > 0 && HoldsMatchedText(other, member, model, depth - 1, cancellationToken);
        }

        // match.Value, filter(match.Value), match.Groups["name"].Value.Trim()
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property: { Name: "Value", ContainingType: var type } } && IsRegexCapture(type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRegexCapture(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolNames.IsType(current, "System.Text.RegularExpressions", "Capture"))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode? MemberOf(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax);

    private static bool IsPassedAs(IOperation reference, Func<IParameterSymbol, bool> isParameter, CancellationToken cancellationToken)
    {
        ISymbol? variable = reference switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (variable is null || reference.SemanticModel is not { } model || MemberOf(reference.Syntax) is not { } member)
        {
            return false;
        }

        foreach (var argument in member.DescendantNodes().OfType<ArgumentSyntax>())
        {
            if (argument.Expression is not IdentifierNameSyntax identifier
                || !string.Equals(identifier.Identifier.ValueText, variable.Name, StringComparison.Ordinal))
            {
                continue;
            }

            if (model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter } operation
                && isParameter(parameter)
                && SymbolEqualityComparer.Default.Equals(ReferencedSymbol(operation.Value), variable))
            {
                return true;
            }
        }

        return false;
    }

    private static ISymbol? ReferencedSymbol(IOperation value) => StringParts.Unwrap(value) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary><c>path</c>, <c>filePath</c>, <c>sourceFileName</c>, <c>fileName</c>: the BCL's and most libraries' path parameters.</summary>
    private static bool IsPathParameter(IParameterSymbol parameter) =>
        parameter.Name.EndsWith("path", StringComparison.OrdinalIgnoreCase) || parameter.Name.EndsWith("fileName", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A string parameter named <c>name</c>, <c>…Name</c> (<c>secretName</c>, <c>keyName</c>) or <c>variable</c> (the
    /// environment's), or <c>key</c> of a member of configuration's own types (<c>IConfiguration[key]</c>, <c>GetValue(key)</c>).
    /// </summary>
    private static bool IsNameParameter(IParameterSymbol parameter)
    {
        if (parameter.OriginalDefinition.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var name = parameter.Name;
        if (name.EndsWith("Name", StringComparison.Ordinal) || name is "name" or "variable")
        {
            return true;
        }

        return name == "key" && SymbolNames.IsInNamespace(parameter.ContainingSymbol.ContainingType?.ContainingNamespace, "Microsoft.Extensions.Configuration");
    }
}
