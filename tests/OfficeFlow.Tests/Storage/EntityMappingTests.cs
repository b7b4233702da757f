using Azure;
using OfficeFlow.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Storage;

public sealed class EntityMappingTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task EveryPropertyType_RoundTripsExactly()
    {
        var table = await azurite.CreateTableAsync("Types");
        var original = new AllTypesEntity
        {
            PartitionKey = "p",
            RowKey = "all",
            Text = "Счёт № 7 — \"quoted\" 'single'",
            Flag = true,
            Number = int.MinValue,
            Big = (1L << 53) + 1, // not representable as a double: proves Int64 is not stored as a JSON number
            Ratio = 1.0,          // whole double: must stay Double, not become Int32
            Amount = 0.1m + 0.2m,
            When = new DateTimeOffset(2026, 11, 22, 9, 30, 15, 123, TimeSpan.FromHours(3)).AddTicks(4567),
            WhenUtc = new DateTime(2026, 2, 28, 23, 59, 59, DateTimeKind.Utc),
            Id = Guid.NewGuid(),
            Data = [0, 1, 2, 254, 255],
            State = InvoiceState.Paid,
            MaybeNumber = 42,
            MaybeBig = long.MaxValue,
            MaybeAmount = -12345678901234567.89m,
            MaybeWhen = new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero),
            MaybeId = Guid.NewGuid(),
            MaybeState = InvoiceState.Sent,
            MaybeFlag = false,
            MaybeRatio = double.NaN,
        };
        await table.AddEntityAsync(original);

        var read = (await table.GetEntityIfExistsAsync<AllTypesEntity>("p", "all"))!;

        Assert.Equal(original.Text, read.Text);
        Assert.True(read.Flag);
        Assert.Equal(int.MinValue, read.Number);
        Assert.Equal((1L << 53) + 1, read.Big);
        Assert.Equal(1.0, read.Ratio);
        Assert.Equal(0.3m, read.Amount);
        Assert.Equal("0.3", read.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(original.When, read.When);               // same instant, to the tick
        Assert.Equal(original.When.UtcTicks, read.When.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.When.Offset);        // Table Storage keeps UTC only
        Assert.Equal(original.WhenUtc, read.WhenUtc);
        Assert.Equal(DateTimeKind.Utc, read.WhenUtc.Kind);
        Assert.Equal(original.Id, read.Id);
        Assert.Equal(original.Data, read.Data);
        Assert.Equal(InvoiceState.Paid, read.State);
        Assert.Equal(42, read.MaybeNumber);
        Assert.Equal(long.MaxValue, read.MaybeBig);
        Assert.Equal(-12345678901234567.89m, read.MaybeAmount);
        Assert.Equal(original.MaybeWhen, read.MaybeWhen);
        Assert.Equal(original.MaybeId, read.MaybeId);
        Assert.Equal(InvoiceState.Sent, read.MaybeState);
        Assert.False(read.MaybeFlag);
        Assert.True(double.IsNaN(read.MaybeRatio!.Value));
    }

    [Fact]
    public async Task NullProperties_ReadBackAsNull()
    {
        var table = await azurite.CreateTableAsync("Types");
        await table.AddEntityAsync(new AllTypesEntity { PartitionKey = "p", RowKey = "nulls" });

        var read = (await table.GetEntityIfExistsAsync<AllTypesEntity>("p", "nulls"))!;

        Assert.Null(read.Text);
        Assert.Null(read.Data);
        Assert.Null(read.MaybeNumber);
        Assert.Null(read.MaybeAmount);
        Assert.Null(read.MaybeWhen);
        Assert.Null(read.MaybeState);
    }

    [Fact]
    public async Task DecimalAndEnum_AreStoredAsReadableStrings()
    {
        var table = await azurite.CreateTableAsync("Types");
        await table.AddEntityAsync(new AllTypesEntity { PartitionKey = "p", RowKey = "r", Amount = 1234.50m, State = InvoiceState.Sent });

        var raw = (await table.GetEntityIfExistsAsync<TableEntity>("p", "r"))!;

        Assert.Equal("1234.50", raw["Amount"]);
        Assert.Equal("Sent", raw["State"]);
    }

    [Fact]
    public async Task DynamicTableEntity_MapsEveryEdmType()
    {
        var table = await azurite.CreateTableAsync("Dynamic");
        var id = Guid.NewGuid();
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var entity = new TableEntity("p", "r")
        {
            ["S"] = "text",
            ["B"] = true,
            ["I"] = 7,
            ["L"] = 9_007_199_254_740_993L,
            ["D"] = 2.5,
            ["Whole"] = 3.0,
            ["T"] = when,
            ["G"] = id,
            ["Bin"] = new byte[] { 1, 2, 3 },
            ["Dec"] = 0.1m,
            ["E"] = InvoiceState.Draft,
            ["Null"] = null,
        };
        await table.AddEntityAsync(entity);

        var read = (await table.GetEntityIfExistsAsync<TableEntity>("p", "r"))!;

        Assert.Equal("text", read["S"]);
        Assert.Equal(true, read["B"]);
        Assert.Equal(7, read["I"]);
        Assert.Equal(9_007_199_254_740_993L, read["L"]);
        Assert.Equal(2.5, read["D"]);
        Assert.Equal(3.0, Assert.IsType<double>(read["Whole"]));
        Assert.Equal(when, read["T"]);
        Assert.Equal(id, read["G"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, read["Bin"]);
        Assert.Equal("0.1", read["Dec"]);
        Assert.Equal("Draft", read["E"]);
        Assert.False(read.ContainsKey("Null"));
        Assert.Equal(("p", "r"), (read.PartitionKey, read.RowKey));
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task ReadingAStoredValueOfTheWrongType_NamesThePropertyAndTheEntity()
    {
        var table = await azurite.CreateTableAsync("Types");
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Number"] = "not a number" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => table.GetEntityIfExistsAsync<AllTypesEntity>("p", "r"));

        Assert.Contains("'Number'", error.Message);
        Assert.Contains("'p'/'r'", error.Message);
    }

    [Fact]
    public async Task ADateBefore1601_IsRejectedWithAClearMessageBeforeSending()
    {
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.AddEntityAsync(new AllTypesEntity { PartitionKey = "p", RowKey = "r", When = default }));

        Assert.Contains("'When'", error.Message);
        Assert.Contains("1601", error.Message);
    }

    [Fact]
    public async Task AnUnsupportedPropertyType_IsNamedInTheError()
    {
        var table = azurite.CreateServiceClient().GetTableClient("NeverCreated");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => table.AddEntityAsync(new WithList { PartitionKey = "p", RowKey = "r" }));

        Assert.Contains("WithList.Items", error.Message);
    }

    public sealed class WithList : ITableEntity
    {
        public string PartitionKey { get; set; } = "";
        public string RowKey { get; set; } = "";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public List<string> Items { get; set; } = [];
    }
}
