using System.Globalization;

namespace OfficeFlow.Functions.Invoices.Lifecycle;

/// <summary>
/// The status machine. Allowed moves:
/// draft → issued (Issue); issued → sent (MarkSent); issued/sent/partly paid → partly paid/paid (AddPayment);
/// partly paid/paid → back (CancelPayment); draft/issued/sent → cancelled (Cancel, only with no live payments).
/// Repeating a move already made (issue an issued invoice, cancel a cancelled one) changes nothing and is not an
/// error, so a user's retry is safe. Everything else is refused with an <see cref="InvoiceRuleException"/>.
/// </summary>
public static class InvoiceLifecycle
{
    /// <summary>Issues a draft: the issue date becomes <paramref name="today"/> and, unless the draft had a fixed
    /// due date, the due date is recomputed from the payment term.</summary>
    public static Invoice Issue(Invoice invoice, DateTimeOffset at, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Status switch
        {
            InvoiceStatus.Draft => invoice with
            {
                IssuedAt = at,
                IssueDate = today,
                DueDate = invoice.PaymentTermDays is int days ? today.AddDays(days) : invoice.DueDate,
            },
            InvoiceStatus.Cancelled => throw Refuse("cancelled", $"Счёт {invoice.Id} отменён — выставить его нельзя."),
            _ => invoice,
        };
    }

    public static Invoice MarkSent(Invoice invoice, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Status switch
        {
            InvoiceStatus.Draft => throw Refuse("not-issued", $"Счёт {invoice.Id} ещё черновик: сначала выставьте его, потом отмечайте отправку."),
            InvoiceStatus.Cancelled => throw Refuse("cancelled", $"Счёт {invoice.Id} отменён — отмечать отправку нельзя."),
            _ when invoice.SentAt is not null => invoice,
            _ => invoice with { SentAt = at },
        };
    }

    public static Invoice Cancel(Invoice invoice, DateTimeOffset at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Status switch
        {
            InvoiceStatus.Cancelled => invoice,
            InvoiceStatus.PartlyPaid or InvoiceStatus.Paid => throw Refuse(
                "has-payments",
                $"По счёту {invoice.Id} есть оплаты на {Rub(invoice.Paid)}: сначала отмените оплаты, потом счёт."),
            _ => invoice with { CancelledAt = at, CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() },
        };
    }

    /// <summary>Records the day the client accepted the work (signed act); it decides the month of the head's volume.</summary>
    public static Invoice Accept(Invoice invoice, DateOnly acceptedOn, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (acceptedOn > today)
        {
            throw Invalid("acceptedOn", "Дата приёмки работ не может быть в будущем.");
        }

        return invoice.Status switch
        {
            InvoiceStatus.Draft => throw Refuse("not-issued", $"Счёт {invoice.Id} ещё черновик: приёмку отмечают по выставленному счёту."),
            InvoiceStatus.Cancelled => throw Refuse("cancelled", $"Счёт {invoice.Id} отменён — приёмку по нему отметить нельзя."),
            _ when invoice.AcceptedOn == acceptedOn => invoice,
            _ => invoice with { AcceptedOn = acceptedOn },
        };
    }

    /// <summary>Applies a payment. Refuses a draft or cancelled invoice, a non-positive amount, fractions of a
    /// kopeck, and an overpayment (more than the balance) — the message says the balance.</summary>
    public static Invoice AddPayment(Invoice invoice, Payment payment)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payment);
        switch (invoice.Status)
        {
            case InvoiceStatus.Draft:
                throw Refuse("not-issued", $"Счёт {invoice.Id} ещё черновик: оплату можно записать только на выставленный счёт.");
            case InvoiceStatus.Cancelled:
                throw Refuse("cancelled", $"Счёт {invoice.Id} отменён — оплату на него записать нельзя.");
            case InvoiceStatus.Paid:
                throw Refuse("overpayment", $"Счёт {invoice.Id} уже оплачен полностью; оплата {Rub(payment.Amount)} была бы переплатой.");
        }

        if (payment.Amount <= 0)
        {
            throw Invalid("amount", "Сумма оплаты должна быть больше нуля.");
        }

        if (decimal.Round(payment.Amount, 2) != payment.Amount)
        {
            throw Invalid("amount", $"Сумма оплаты {payment.Amount.ToString(CultureInfo.InvariantCulture)} точнее копейки: укажите не больше двух знаков после запятой.");
        }

        if (payment.Amount > invoice.Balance)
        {
            throw Refuse(
                "overpayment",
                $"Оплата {Rub(payment.Amount)} больше остатка по счёту {invoice.Id} ({Rub(invoice.Balance)}): переплата не принимается. Запишите не больше остатка.");
        }

        var paid = invoice.Paid + payment.Amount;
        return invoice with { Paid = paid, PaidOn = paid >= invoice.Total ? payment.Date : null };
    }

    /// <summary>Takes a recorded payment back (e.g. it was linked to the wrong invoice).</summary>
    public static Invoice CancelPayment(Invoice invoice, Payment payment)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payment);
        if (payment.IsCancelled)
        {
            return invoice;
        }

        if (payment.Amount > invoice.Paid)
        {
            throw new InvalidOperationException($"Invoice {invoice.Id} has paid {invoice.Paid} but payment {payment.Id} is {payment.Amount}: the stored figures disagree.");
        }

        return invoice with { Paid = invoice.Paid - payment.Amount, PaidOn = null };
    }

    /// <summary>"1 234,50 ₽" the way the messages print amounts.</summary>
    public static string Rub(decimal amount) => amount.ToString("#,##0.00", RussianNumbers) + " ₽";

    private static readonly NumberFormatInfo RussianNumbers = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };

    private static InvoiceRuleException Refuse(string code, string message) => new(InvoiceRuleKind.NotAllowed, code, message);

    private static InvoiceRuleException Invalid(string code, string message) => new(InvoiceRuleKind.Invalid, code, message);
}
