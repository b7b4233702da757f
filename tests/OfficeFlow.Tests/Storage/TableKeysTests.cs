using Azure.Data.Tables;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("")]
    [InlineData("2026-11")]
    [InlineData("O'Brien & Co, \"Ромашка\" 日本 ü~!@$%^*()")]
    public void Validate_AcceptsOrdinaryKeys(string key)
    {
        TableKeys.Validate(key, key);
    }

    [Theory]
    [InlineData("a/b", '/', 1)]
    [InlineData("a\\b", '\\', 1)]
    [InlineData("#1", '#', 0)]
    [InlineData("what?", '?', 4)]
    public void Validate_ForbiddenCharacter_NamesKeyCharacterAndPosition(string key, char bad, int position)
    {
        var error = Assert.Throws<ArgumentException>(() => TableKeys.Validate("ok", key));

        Assert.Equal("rowKey", error.ParamName);
        Assert.Contains("RowKey", error.Message);
        Assert.Contains($"'{bad}' at position {position}", error.Message);
        Assert.Contains("Replace or encode it", error.Message);
    }

    [Theory]
    [InlineData('\u0000')]
    [InlineData('\t')]
    [InlineData('\n')]
    [InlineData('\u001F')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    [InlineData('\u009F')]
    public void Validate_ControlCharacter_IsNamedByCodePoint(char control)
    {
        var error = Assert.Throws<ArgumentException>(() => TableKeys.Validate("ab" + control, "ok"));

        Assert.Equal("partitionKey", error.ParamName);
        Assert.Contains("PartitionKey", error.Message);
        Assert.Contains($"U+{(int)control:X4} at position 2", error.Message);
    }

    [Fact]
    public void Validate_AllowsExactlyOneKibibyte()
    {
        TableKeys.Validate(new string('x', 512), new string('y', 512));

        var error = Assert.Throws<ArgumentException>(() => TableKeys.Validate(new string('x', 513), "ok"));
        Assert.Contains("513 characters long (1026 bytes)", error.Message);
        Assert.Contains("at most 512 characters", error.Message);
    }

    [Fact]
    public void Validate_NullKey_IsRejected()
    {
        Assert.Throws<ArgumentNullException>(() => TableKeys.Validate("p", null!));
    }

    [Fact]
    public void InvertedTicks_SortsNewestFirstAsStrings()
    {
        var older = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var newer = older.AddTicks(1);
        var other = new DateTimeOffset(2026, 1, 1, 3, 0, 1, TimeSpan.FromHours(3)); // 00:00:01 UTC

        Assert.True(string.CompareOrdinal(TableKeys.InvertedTicks(newer), TableKeys.InvertedTicks(older)) < 0);
        Assert.True(string.CompareOrdinal(TableKeys.InvertedTicks(other), TableKeys.InvertedTicks(newer)) < 0);
        Assert.Equal(19, TableKeys.InvertedTicks(DateTimeOffset.MaxValue).Length);
        Assert.Equal("0000000000000000000", TableKeys.InvertedTicks(DateTimeOffset.MaxValue));
    }
}
