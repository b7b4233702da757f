using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OfficeFlow.Functions.Contacts.Cards;
using OfficeFlow.Functions.Contacts.Cards.Heads;
using OfficeFlow.Functions.Contacts.Editing;
using OfficeFlow.Functions.Contacts.Logging;
using OfficeFlow.Functions.Contacts.Matching;
using OfficeFlow.Functions.Contacts.Requisites;
using OfficeFlow.Functions.Contacts.Records;
using OfficeFlow.Functions.Contacts.Sync;
using OfficeFlow.Functions.Contracts;
using OfficeFlow.Functions.Graph;
using OfficeFlow.Functions.Grades;
using OfficeFlow.Functions.Hosting.Timers;

namespace OfficeFlow.Functions.Contacts;

/// <summary>Registers the Contacts capability: its services and timers, and its HTTP functions under /api.</summary>
public static class ContactsModule
{
    public static IServiceCollection AddContacts(this IServiceCollection services, IConfiguration configuration)
    {
        // Read when first needed (test hosts add settings after registration); SettingsStartupCheck reads it at start-up.
        services.AddSingleton<IOptions<ContactsOptions>>(_ => Options.Create(ContactsOptionsBinding.Read(configuration)));
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddSingleton(sp => new LoggingPolicy(sp.GetRequiredService<IOptions<ContactsOptions>>().Value));
        services.AddSingleton<ContactsTables>();
        services.AddSingleton<IndexCache>();
        services.AddSingleton<ClientSnapshotCache>();
        services.AddSingleton<CardHeadStore>();
        services.AddSingleton(sp => new LoggingRetry(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MessageClaimStore>();
        services.AddSingleton<MessageClaims>();
        services.AddSingleton<TimelineWriter>();
        services.AddSingleton<ClientDirectory>();
        services.AddSingleton<SenderResolver>();
        services.AddSingleton<SameCompanyFinder>();
        services.AddSingleton<LoggingCompletion>();
        services.AddSingleton<ClientCardReader>();
        // Contracts fills a contract's client requisites from the card through its own interface.
        services.AddSingleton<IClientDirectory, ContactsClientDirectory>();
        // Grades names the clients of its Задачи sheet through its own interface; this replaces its fallback whatever the order of Add* calls.
        services.Replace(ServiceDescriptor.Singleton<IClientNames, ContactsClientNames>());
        services.AddSingleton<ClientCreator>();
        services.AddSingleton<EmailLogger>();
        // log-email with only an itemId reads the message on behalf of the caller; without on-behalf-of
        // configuration the reader has no factory (resolving one in local mode throws) and the request must carry the body.
        services.AddSingleton(sp => new GraphMessageReader(
            sp.GetRequiredService<GraphSettings>().CanActOnBehalfOfUsers ? sp.GetRequiredService<IGraphClientFactory>() : null,
            sp.GetRequiredService<ILogger<GraphMessageReader>>()));
        services.AddSingleton<ClientEditor>();
        services.AddSingleton<ClientMerger>();
        // Contracts saves the requisites typed into a contract to the card through its own interface.
        services.AddSingleton<IClientRequisitesWriter, ContractRequisitesWriter>();
        services.AddSingleton<SyncStateStore>();
        services.AddTimerFunction<MailboxSync>();
        return services;
    }

    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api) => ContactsApi.MapRoutes(api);
}
