using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>
/// The one way a value is computed once per compilation and shared by every rule that asks: each such value is a
/// <c>static readonly PerCompilation&lt;T&gt;</c> beside its type (the symbol cache, the literal classifier, the
/// client type, the parameter flows, the scope requests), so what is kept per compilation is found by looking for this
/// type. The compilation is held weakly: a value goes when its compilation goes (an IDE makes a new compilation on
/// every edit), and nothing of one compilation ever answers for another.
/// </summary>
/// <remarks>
/// Two rules that ask at once may both compute; the first value stored is the one every caller gets, so a value must
/// be a pure function of the compilation (and of the options, which are the compilation's). A computation that is
/// cancelled throws before anything is stored, so a cancelled half-answer is never kept. A value that is expensive
/// to compute twice holds a <see cref="Lazy{T}"/> (or computes its parts lazily), as <see cref="Semantics.CompilationSymbols"/> does.
/// </remarks>
/// <typeparam name="T">What is kept per compilation.</typeparam>
internal sealed class PerCompilation<T>
    where T : class
{
    private readonly ConditionalWeakTable<Compilation, T> _values = new();

    /// <summary>The value kept for <paramref name="compilation"/>, computed by <paramref name="create"/> the first time.</summary>
    /// <remarks>
    /// <paramref name="create"/> should be a static lambda and <paramref name="state"/> what it needs besides the
    /// compilation: a hit then allocates nothing.
    /// </remarks>
    public T Get<TState>(Compilation compilation, TState state, Func<Compilation, TState, T> create)
    {
        if (_values.TryGetValue(compilation, out var value))
        {
            return value;
        }

        var created = create(compilation, state);
        return _values.GetValue(compilation, _ => created);
    }

    /// <summary>The value kept for <paramref name="compilation"/>, computed by <paramref name="create"/> the first time.</summary>
    public T Get(Compilation compilation, Func<Compilation, T> create) =>
        Get(compilation, create, static (c, f) => f(c));
}
