namespace OfficeFlow.Functions.Contacts.Logging;

/// <summary>How reading a message by itemId through Graph ended.</summary>
public enum GraphReadStatus
{
    /// <summary>The message was read: <see cref="GraphReadOutcome.Request"/> is ready for <see cref="EmailLogger"/>.</summary>
    Read,
    /// <summary>The itemId is not an id Graph accepts (refused before the call, or Graph answered ErrorInvalidIdMalformed).</summary>
    InvalidId,
    /// <summary>No such message in the signed-in user's mailbox.</summary>
    NotFound,
    /// <summary>The on-behalf-of exchange was refused (no consent to Mail.Read) or Graph denied access.</summary>
    ConsentRequired,
    /// <summary>Graph or Entra ID did not answer, or kept throttling after the SDK's retries.</summary>
    Unavailable,
    /// <summary>Graph answered with an error this code does not expect.</summary>
    Failed,
    /// <summary>The message was read but cannot be logged (a draft without internetMessageId, no sender, no text).</summary>
    NotLoggable,
}

/// <summary>The result of <see cref="GraphMessageReader.ReadAsync"/>: the request to log, or why there is none (in Russian, for the add-in).</summary>
public sealed record GraphReadOutcome(GraphReadStatus Status, LogEmailRequest? Request, string? Problem)
{
    private const string RestIdHint =
        "Надстройка должна передавать REST-идентификатор письма: Office.context.mailbox.convertToRestId(itemId, Office.MailboxEnums.RestVersion.v2_0).";

    public static GraphReadOutcome Read(LogEmailRequest request) => new(GraphReadStatus.Read, request, null);

    public static GraphReadOutcome InvalidId(int maxLength) => Fail(GraphReadStatus.InvalidId,
        $"itemId — идентификатор письма до {maxLength} символов без пробелов и управляющих символов. " + RestIdHint);

    public static GraphReadOutcome MalformedId() => Fail(GraphReadStatus.InvalidId, "Microsoft Graph не принял itemId: это не идентификатор письма. " + RestIdHint);

    public static GraphReadOutcome NotFound() => Fail(GraphReadStatus.NotFound,
        "Письмо не найдено в почтовом ящике пользователя: его могли удалить или переместить, или это письмо из другого ящика. " + RestIdHint);

    public static GraphReadOutcome ConsentRequired() => Fail(GraphReadStatus.ConsentRequired,
        "OfficeFlow не может прочитать письмо от вашего имени: пользователь или администратор должен дать приложению OfficeFlow согласие на разрешение Mail.Read (Microsoft Graph). "
        + "Если согласие уже дано, войдите в надстройку заново.");

    public static GraphReadOutcome Unavailable() => Fail(GraphReadStatus.Unavailable, "Microsoft Graph недоступен, повторите через минуту. Письмо не записано.");

    public static GraphReadOutcome Failed() => Fail(GraphReadStatus.Failed,
        "Microsoft Graph ответил ошибкой при чтении письма; письмо не записано. Повторите позже или передайте текст письма (bodyText или bodyHtml).");

    public static GraphReadOutcome NotLoggable(string problem) => Fail(GraphReadStatus.NotLoggable, problem);

    private static GraphReadOutcome Fail(GraphReadStatus status, string problem) => new(status, null, problem);
}
