using OfficeFlow.Functions.Firm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using OfficeFlow.Functions.Auth;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Invoices;
using OfficeFlow.Functions.Invoices.Api;
using OfficeFlow.Functions.Invoices.Lifecycle;
using OfficeFlow.Functions.Invoices.Money;
using OfficeFlow.Functions.Invoices.Reminders;
using OfficeFlow.Functions.Invoices.Storage;
using OfficeFlow.Functions.Storage;
using OfficeFlow.Tests.Infrastructure;

namespace OfficeFlow.Tests.Invoices;

/// <summary>The invoice services wired to real Azurite tables (a fresh prefix each) with a fake clock and
/// substitutes for the ledger and the mail sender, for tests below the HTTP layer.</summary>
internal sealed class InvoicesHarness : IDisposable
{
    public static readonly CurrentUser Manager = new("manager-1", "Мария", [Roles.Manager]);
    public static readonly CurrentUser Accountant = new("accountant-1", "Анна", [Roles.Accountant]);

    private readonly ServiceProvider _provider;

    public InvoicesHarness(AzuriteFixture azurite, IMailSender? mail = null, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(new TableStore(azurite.CreateServiceClient(), AzuriteFixture.NewTablePrefix()));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(InvoicesOptions.From(configuration));
        services.AddSingleton(Tasks);
        services.AddSingleton(mail ?? Mail);
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<ClientSettingsStore>();
        services.AddSingleton<InvoiceService>();
        services.AddSingleton<ReminderMarkerStore>();
        services.AddFirm(configuration);
        services.AddSingleton<ReminderRunner>();
        _provider = services.BuildServiceProvider();
    }

    public FakeClock Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 7, 0, 0, TimeSpan.Zero));
    public ITaskRecorder Tasks { get; } = Substitute.For<ITaskRecorder>();
    public IMailSender Mail { get; } = Substitute.For<IMailSender>();
    public InvoiceService Invoices => _provider.GetRequiredService<InvoiceService>();
    public ReminderRunner Reminders => _provider.GetRequiredService<ReminderRunner>();
    public ReminderMarkerStore Markers => _provider.GetRequiredService<ReminderMarkerStore>();

    /// <summary>Creates a draft with one line of the given price (VAT included) for a client.</summary>
    public async Task<Invoice> CreateAsync(decimal price, string clientId = "c1", string? email = "buh@romashka.ru", int? termDays = 10, string? requestId = null)
    {
        var request = new CreateInvoiceRequest(clientId, $"Клиент {clientId}", email, null, null, termDays, null, null, null, null,
            [new InvoiceLineRequest("Сопровождение 1С", 1, "мес", price, "22", "subscription")]);
        var (build, errors) = InvoiceDraftValidator.Validate(request, Invoices.Options, Invoices.Today, Manager.Id, Clock.GetUtcNow());
        Assert.True(build is not null, string.Join("; ", errors.SelectMany(e => e.Value)));
        return (await Invoices.CreateAsync(build!, requestId, CancellationToken.None)).Invoice;
    }

    public async Task<Invoice> CreateIssuedAsync(decimal price, string clientId = "c1", string? email = "buh@romashka.ru", int termDays = 10)
    {
        var draft = await CreateAsync(price, clientId, email, termDays);
        return await Invoices.IssueAsync(draft.Id, Manager, CancellationToken.None);
    }

    public void Dispose() => _provider.Dispose();
}
