using System;
using System.Collections.Generic;

namespace Cadasto.Analyzers.Infrastructure;

/// <summary>
/// One reusable list per thread and element type, for actions that run on almost every operation and almost always
/// find nothing (every string literal, call and assignment): they must not allocate a list each time. A rent while
/// this thread's list is out (a nested use) gets a new list, so two users never share one. A returned list is
/// cleared: it keeps no syntax tree alive (locations hold theirs) until the next rent.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal static class ListPool<T>
{
    /// <summary>A list grown past this (a generated file's thousand sinks) is dropped rather than kept for the thread.</summary>
    private const int MaxKeptCapacity = 256;

    [ThreadStatic]
    private static List<T>? t_free;

    /// <summary>An empty list: this thread's pooled one when it is free, a new one otherwise.</summary>
    public static List<T> Rent()
    {
        var list = t_free;
        if (list is null)
        {
            return new List<T>();
        }

        t_free = null;
        return list;
    }

    /// <summary>Gives the list back to this thread's pool, empty.</summary>
    public static void Return(List<T> list)
    {
        list.Clear();
        if (list.Capacity <= MaxKeptCapacity)
        {
            t_free = list;
        }
    }
}
