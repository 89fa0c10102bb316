using System.Buffers;
using System.Runtime.CompilerServices;

namespace Calculator.Parser.Grammar;

/// <summary>
/// A growable list on an array rented from the shared pool, for the parser's short-lived work lists.
/// Parsing a line would otherwise allocate and drop several small lists per parenthesis level.
/// </summary>
internal struct ScratchList<T>
{
    private T[] _items;
    private int _count;

    public ScratchList(int capacity) => _items = ArrayPool<T>.Shared.Rent(capacity);

    public readonly int Count => _count;

    public readonly T this[int index] => _items[index];

    public readonly T Peek() => _items[_count - 1];

    public void Add(T item)
    {
        if (_count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, larger, _count);
            Return(_items);
            _items = larger;
        }
        _items[_count++] = item;
    }

    public T Pop() => _items[--_count];

    /// <summary>Gives the array back to the pool; the list must not be used afterwards.</summary>
    public void Dispose()
    {
        Return(_items);
        _items = [];
        _count = 0;
    }

    private static void Return(T[] items) =>
        ArrayPool<T>.Shared.Return(items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
}
