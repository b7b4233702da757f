using Azure;
using OfficeFlow.Functions.Storage;

namespace OfficeFlow.Functions.Hosting.Errors;

/// <summary>
/// Tells an exception that means "Table Storage did not answer" from a bug: such a request gets 503 with Retry-After,
/// so the add-in and scripts know to try again, instead of a 500 that says something is broken.
/// </summary>
public static class StorageOutage
{
    /// <summary>Seconds a client is asked to wait (<c>Retry-After</c>): about how long Azurite takes to come back.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Title = "Хранилище данных недоступно";

    public const string Detail =
        "Хранилище данных сейчас не отвечает, и запрос не выполнен. Повторите его через несколько секунд: повтор безопасен. Если ошибка не проходит, сообщите администратору.";

    /// <summary>The detail for a write that kept losing to concurrent writers (<see cref="ContentionExhaustedException"/>).</summary>
    public const string BusyDetail =
        "Эту запись сейчас одновременно меняют другие запросы, и ваш не успел выполниться. Повторите его через несколько секунд: повтор безопасен.";

    public static string DetailFor(Exception? exception) => exception is ContentionExhaustedException ? BusyDetail : Detail;

    /// <summary>
    /// True for a storage call that got no answer (both table clients raise <see cref="RequestFailedException"/> with
    /// Status 0 when the connection fails), that timed out (Azure.Core's network timeout), that was not sent because
    /// the request's storage budget was spent (<see cref="StorageDeadlineExceededException"/>), or that storage itself
    /// refused as unavailable (502, 503, 504 after the client's own retries).
    /// </summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RequestFailedException { Status: 0 or 502 or 503 or 504 }:
                case ContentionExhaustedException:
                case StorageDeadlineExceededException:
                case StorageTimeoutException:
                case HttpRequestException when exception is RequestFailedException:
                case TaskCanceledException { InnerException: TimeoutException }:
                    return true;
            }
        }

        return false;
    }
}
