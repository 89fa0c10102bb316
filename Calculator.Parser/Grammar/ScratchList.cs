using System.Runtime.CompilerServices;

namespace Calculator.Parser.Grammar;

/// <summary>
/// A small growable list whose array comes from, and goes back to, a <see cref="SparePool{T}"/>
/// of the parsing thread, so that parsing line after line allocates no scratch arrays. Cheaper
/// than ArrayPool, whose shared pool locks and clears whole arrays.
/// </summary>
internal struct ScratchList<T>
{
    private readonly SparePool<T> _pool;
    private T[] _items;
    private int _count;
    private int _high;

    public ScratchList(SparePool<T> pool, int capacity)
    {
        _pool = pool;
        _items = pool.Take(capacity);
    }

    public readonly int Count => _count;

    public readonly T this[int index] => _items[index];

    public readonly T Peek() => _items[_count - 1];

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            var larger = new T[_items.Length * 2];
            Array.Copy(_items, larger, _count);
            _pool.Give(_items, _high);
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
        _pool.Give(_items, _high);
        _items = [];
        _count = _high = 0;
    }
}

/// <summary>
/// Up to eight spare arrays of one type for one thread: enough for the lists that a few levels
/// of parentheses hold at once (each chain holds two, and building it two more); deeper nesting
/// gets fresh arrays. Reached through <see cref="ChainScratch"/>, one thread-static look-up per
/// chain (a generic type's thread statics are not inlined, so a static per type cost one per list).
/// </summary>
internal sealed class SparePool<T>
{
    private const int MaxKeptLength = 1024;
    private const int MaxKept = 8;

    private readonly T[]?[] _spares = new T[]?[MaxKept];
    private int _count;

    public T[] Take(int capacity)
    {
        if (_count > 0 && _spares[_count - 1]!.Length >= capacity)
        {
            var spare = _spares[--_count]!;
            _spares[_count] = null;
            return spare;
        }
        return new T[Math.Max(capacity, 16)];
    }

    public void Give(T[] items, int used)
    {
        if (items.Length is 0 or > MaxKeptLength || _count == MaxKept)
        {
            return;
        }
        // Only the used part can hold references that would keep trees alive.
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(items, 0, used);
        }
        _spares[_count++] = items;
    }
}
