using Microsoft.Extensions.Configuration;
using OfficeFlow.Functions.Hosting.Schedules;

namespace OfficeFlow.Tests.Hosting;

public class AppTimeZoneTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Resolve_NothingSet_IsMoscow()
    {
        Assert.Equal(TimeSpan.FromHours(3), AppTimeZone.Resolve(Config()).BaseUtcOffset);
    }

    [Fact]
    public void Resolve_WebsiteTimeZone_WinsOverTz()
    {
        var zone = AppTimeZone.Resolve(Config(("WEBSITE_TIME_ZONE", "W. Europe Standard Time"), ("TZ", "Asia/Tokyo")));

        Assert.Equal(TimeSpan.FromHours(1), zone.BaseUtcOffset);
        Assert.True(zone.SupportsDaylightSavingTime);
    }

    [Fact]
    public void Resolve_Tz_IsReadWithOrWithoutTheLeadingColon()
    {
        Assert.Equal(TimeSpan.FromHours(9), AppTimeZone.Resolve(Config(("TZ", "Asia/Tokyo"))).BaseUtcOffset);
        Assert.Equal(TimeSpan.FromHours(9), AppTimeZone.Resolve(Config(("TZ", ":Asia/Tokyo"))).BaseUtcOffset);
    }

    [Fact]
    public void Resolve_UnknownZone_NamesTheSettingAndAnExample()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AppTimeZone.Resolve(Config(("WEBSITE_TIME_ZONE", "Mars/Olympus"))));

        Assert.Contains("'Mars/Olympus' (from WEBSITE_TIME_ZONE)", error.Message);
        Assert.Contains("Europe/Moscow", error.Message);
    }
}
