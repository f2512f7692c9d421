using System.Collections.Generic;
using System.Threading;
using Cadasto.Analyzers.Catalogs;
using Cadasto.Analyzers.Infrastructure;
using Cadasto.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Cadasto.Analyzers.OAuth;

/// <summary>
/// An authorization server's client registrations (IdentityServer's <c>Client</c>, OpenIddict's application
/// descriptor): the grant types a registration allows and the members around them. A registration is the server
/// allowing a flow to one of its clients, not the application using it: its findings are <see cref="OAuthParty.Server"/>.
/// </summary>
internal static class ClientRegistrations
{
    /// <summary>
    /// The registration member <paramref name="operation"/> stores into and the value it stores: <c>AllowedGrantTypes = …</c>
    /// (also in an object initializer), <c>AllowedGrantTypes = { … }</c> (the collection initializer), <c>client.AllowedGrantTypes.Add(…)</c>.
    /// </summary>
    public static bool TryGetStore(IOperation operation, OAuthSignalIndex index, out ServerRegistrationMember member, out IPropertyReferenceOperation target, out IOperation value)
    {
        (target, value) = operation switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment => (property, assignment.Value),
            IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation property } initializer => (property, (IOperation)initializer.Initializer),
            IInvocationOperation { TargetMethod.Name: "Add" or "UnionWith", Instance: IPropertyReferenceOperation property, Arguments.Length: 1 } add => (property, add.Arguments[0].Value),
            _ => (null!, null!),
        };

        member = null!;
        return target is not null && index.TryGetRegistration(target.Property, out member) && member.Meaning.Role == RegistrationRole.GrantTypes;
    }

    /// <summary>
    /// Adds the grant types <paramref name="value"/> puts into a grant-type member: a library's named set
    /// (<c>GrantTypes.Implicit</c>), a constant (<c>GrantType.ResourceOwnerPassword</c>, <c>Permissions.GrantTypes.Password</c>)
    /// or a literal (<c>"implicit"</c>), wherever it stands in the value: an element of <c>new[] { … }</c> or <c>{ … }</c>
    /// (<see cref="CollectionElements"/>), or a part around them (a named set, <c>GrantTypes.Code.Union(…)</c>'s receiver and
    /// argument), each judged by name. Each finding lands on the expression that names the grant.
    /// </summary>
    public static void FindGrants(IOperation value, ServerRegistrationMember member, OAuthSignalIndex index, List<OAuthFinding> findings)
    {
        var parts = ListPool<CollectionPart>.Rent();
        CollectionElements.Read(value, CollectionReading.Inside, parts, CancellationToken.None);
        foreach (var part in parts)
        {
            if (part.Operation is not { } operation)
            {
                continue;
            }

            foreach (var grant in operation.DescendantsAndSelf())
            {
                JudgeGrant(grant, member, index, findings);
            }
        }

        ListPool<CollectionPart>.Return(parts);
    }

    private static void JudgeGrant(IOperation operation, ServerRegistrationMember member, OAuthSignalIndex index, List<OAuthFinding> findings)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: var property } when index.TryGetRegistration(property, out var row) && row.Meaning.Role == RegistrationRole.AllowsFlow:
                findings.Add(new OAuthFinding(row.Meaning.Signal, operation.Syntax.GetLocation(), Source(member, operation), OAuthParty.Server));
                break;

            case ILiteralOperation or IFieldReferenceOperation or ILocalReferenceOperation
                when operation.ConstantValue is { HasValue: true, Value: string text }
                    && text.StartsWith(member.Meaning.ValuePrefix, System.StringComparison.Ordinal)
                    && ServerRegistrationCatalog.GrantTypes.TryGetValue(text.Substring(member.Meaning.ValuePrefix.Length).Trim(), out var signal):
                findings.Add(new OAuthFinding(signal, operation.Syntax.GetLocation(), Source(member, operation), OAuthParty.Server));
                break;
        }
    }

    /// <summary>
    /// The grant types of the registration that <paramref name="setting"/> belongs to (<c>RequirePkce = false</c> beside
    /// <c>AllowedGrantTypes = GrantTypes.Code</c>): the other members of its object initializer, or, for a local
    /// (<c>client.RequirePkce = false</c>), what the body stores into that local's grant-type member.
    /// </summary>
    public static List<OAuthFinding> GrantsOfRegistration(IPropertyReferenceOperation setting, OAuthSignalIndex index)
    {
        var findings = new List<OAuthFinding>();
        var instance = setting.Instance is IConversionOperation conversion ? conversion.Operand : setting.Instance;
        switch (instance)
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                when setting.Parent?.Parent is IObjectOrCollectionInitializerOperation initializer:
                FindGrantsIn(initializer, index, findings);
                break;

            case ILocalReferenceOperation { Local: var local }:
                var root = (IOperation)setting;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is IVariableDeclaratorOperation { Initializer.Value: IObjectCreationOperation { Initializer: { } initializer } } declarator
                        && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                    {
                        FindGrantsIn(initializer, index, findings);
                    }
                    else if (TryGetStore(operation, index, out var member, out var target, out var value)
                        && target.Instance is ILocalReferenceOperation other
                        && SymbolEqualityComparer.Default.Equals(other.Local, local))
                    {
                        FindGrants(value, member, index, findings);
                    }
                }

                break;
        }

        return findings;
    }

    private static void FindGrantsIn(IObjectOrCollectionInitializerOperation initializer, OAuthSignalIndex index, List<OAuthFinding> findings)
    {
        foreach (var element in initializer.Initializers)
        {
            if (TryGetStore(element, index, out var member, out _, out var value))
            {
                FindGrants(value, member, index, findings);
            }
        }
    }

    /// <summary>
    /// A registration whose server package did not resolve (a source-only scan with nothing restored), read from syntax:
    /// <c>AllowedGrantTypes = …</c> in the initializer of <c>new Client { … }</c> whose type is unresolved, in a file that
    /// imports IdentityServer's models. The value's named sets (<c>GrantTypes.Implicit</c>), constants
    /// (<c>GrantType.ResourceOwnerPassword</c>) and literals are judged by name, as the catalogue's rows spell them.
    /// </summary>
    public static void FindUnbound(IOperation operation, List<OAuthFinding> findings)
    {
        if (operation.Syntax is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax left, Right: var value } assignment
            || operation.Parent?.Syntax == operation.Syntax
            || assignment.Parent?.Parent is not BaseObjectCreationExpressionSyntax creation
            || operation.SemanticModel is not { } model
            || model.GetTypeInfo(creation).Type is not { TypeKind: TypeKind.Error } type)
        {
            return;
        }

        ServerRegistrationMember? member = null;
        foreach (var row in ServerRegistrationCatalog.Members)
        {
            if (row.Meaning.Role == RegistrationRole.GrantTypes && row.MemberName == left.Identifier.ValueText && row.TypeName == type.Name
                && NamespaceImports.Imports(model, assignment, row.TypeNamespace))
            {
                member = row;
                break;
            }
        }

        if (member is null)
        {
            return;
        }

        foreach (var node in value.DescendantNodesAndSelf())
        {
            var signal = node switch
            {
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "GrantType" }, Name.Identifier.ValueText: var constant }
                    when ServerRegistrationCatalog.UnboundGrantTypeConstants.TryGetValue(constant, out var named) => named,
                MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: var set }, Name.Identifier.ValueText: var name }
                    => NamedSet(set, name),
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                    when ServerRegistrationCatalog.GrantTypes.TryGetValue(literal.Token.ValueText.Trim(), out var spelled) => spelled,
                _ => (OAuthSignal?)null,
            };
            if (signal is { } allowed)
            {
                findings.Add(new OAuthFinding(allowed, node.GetLocation(), member.MemberName + " with " + node, OAuthParty.Server));
            }
        }
    }

    private static OAuthSignal? NamedSet(string type, string name)
    {
        foreach (var row in ServerRegistrationCatalog.Members)
        {
            if (row.Kind == Catalogs.SinkKind.PropertyAssignment && row.Meaning.Role == RegistrationRole.AllowsFlow && row.TypeName == type && row.MemberName == name)
            {
                return row.Meaning.Signal;
            }
        }

        return null;
    }

    private static string Source(ServerRegistrationMember member, IOperation grant) => member.MemberName + " with " + grant.Syntax;
}
