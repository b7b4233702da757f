namespace OfficeFlow.Functions.Contacts;

/// <summary>Registers the Contacts capability: its services and timers, and its HTTP functions under /api.</summary>
public static class ContactsModule
{
    public static IServiceCollection AddContacts(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        return api;
    }
}
