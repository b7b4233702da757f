using OfficeFlow.Functions.Contacts.Matching;

namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>Checks a log-email request before anything is written; each message says what to fix (in Russian, for the add-in).</summary>
public static class LogEmailValidation
{
    public const int MaxBodyChars = 1_000_000;

    public static Dictionary<string, string[]> Validate(LogEmailRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.InternetMessageId) || request.InternetMessageId.Length > 1000)
        {
            errors["internetMessageId"] = ["Нужен internetMessageId письма (заголовок Message-ID, до 1000 символов): по нему письмо записывается один раз."];
        }

        if (request.From is null || !MailAddress.IsValid(request.From.Address))
        {
            errors["from.address"] = ["Нужен адрес отправителя (from.address), например ivan@romashka.ru."];
        }

        if (string.IsNullOrWhiteSpace(request.BodyText) && string.IsNullOrWhiteSpace(request.BodyHtml))
        {
            errors["bodyText"] = [string.IsNullOrWhiteSpace(request.ItemId)
                ? "Передайте текст письма: bodyText или bodyHtml."
                : "Передайте текст письма (bodyText или bodyHtml): чтение письма по itemId через Microsoft Graph от имени пользователя здесь не настроено."];
        }
        else if ((request.BodyText?.Length ?? 0) + (request.BodyHtml?.Length ?? 0) > MaxBodyChars)
        {
            errors["bodyText"] = [$"Текст письма длиннее {MaxBodyChars} символов: передайте только текст без вложений."];
        }

        foreach (var (field, parties) in new[] { ("to", request.To), ("cc", request.Cc) })
        {
            if (parties is not null && parties.Any(p => p is null || !MailAddress.IsValid(p.Address)))
            {
                errors[field] = [$"В списке {field} есть получатель без правильного адреса."];
            }
        }

        return errors;
    }
}
