namespace OfficeFlow.Functions.Hosting.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>Adds a timer function to the app's one list of functions.</summary>
    public static IServiceCollection AddTimerFunction<T>(this IServiceCollection services)
        where T : class, ITimerFunction
    {
        services.AddSingleton<T>();
        services.AddSingleton<ITimerFunction>(sp => sp.GetRequiredService<T>());
        return services;
    }
}
