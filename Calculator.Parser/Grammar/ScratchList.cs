using System.Runtime.CompilerServices;

namespace Calculator.Parser.Grammar;

/// <summary>
/// A small growable list whose array is reused by the next list of the same type on the same
/// thread, so that parsing line after line allocates no scratch arrays. Up to eight arrays per
/// type and thread are kept, enough for the lists that a few levels of parentheses hold at once
/// (each chain holds two, and building it two more); deeper nesting gets fresh arrays. Cheaper
/// than ArrayPool, whose shared pool locks and clears whole arrays.
/// </summary>
internal struct ScratchList<T>
{
    private const int MaxKeptLength = 1024;
    private const int MaxKept = 8;

    [ThreadStatic]
    private static T[]?[]? t_spares;

    [ThreadStatic]
    private static int t_spareCount;

    private T[] _items;
    private int _count;
    private int _high;

    public ScratchList(int capacity) => _items = Take(capacity);

    public readonly int Count => _count;

    public readonly T this[int index] => _items[index];

    public readonly T Peek() => _items[_count - 1];

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            var larger = new T[_items.Length * 2];
            Array.Copy(_items, larger, _count);
            Give(_items, _high);
            _items = larger;
        }
        _items[_count++] = item;
        if (_count > _high)
        {
            _high = _count;
        }
    }

    public T Pop() => _items[--_count];

    /// <summary>Gives the array back for reuse; the list must not be used afterwards.</summary>
    public void Dispose()
    {
        Give(_items, _high);
        _items = [];
        _count = _high = 0;
    }

    private static T[] Take(int capacity)
    {
        var spares = t_spares;
        if (spares is not null && t_spareCount > 0 && spares[t_spareCount - 1]!.Length >= capacity)
        {
            var top = --t_spareCount;
            var spare = spares[top]!;
            spares[top] = null;
            return spare;
        }
        return new T[Math.Max(capacity, 16)];
    }

    private static void Give(T[] items, int used)
    {
        if (items.Length is 0 or > MaxKeptLength)
        {
            return;
        }
        var spares = t_spares ??= new T[]?[MaxKept];
        if (t_spareCount == MaxKept)
        {
            return;
        }
        // Only the used part can hold references that would keep trees alive.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(items, 0, used);
        }
        spares[t_spareCount++] = items;
    }
}
