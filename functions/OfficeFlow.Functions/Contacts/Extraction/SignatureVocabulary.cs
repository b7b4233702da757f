using System.Text.RegularExpressions;

namespace OfficeFlow.Functions.Contacts.Extraction;

/// <summary>Words that tell a position line, and words that look like names but are not (cities, countries).</summary>
internal static partial class SignatureVocabulary
{
    [GeneratedRegex(@"(?<!\p{L})(директор|менеджер|бухгалтер|главн|начальник|руководител|специалист|инженер|экономист|юрист|юрисконсульт|администратор|заместител|зам\.|секретар|ассистент|помощник|аналитик|программист|консультант|координатор|логист|снабжен|закупк|продаж|отдел|управляющ|президент|председател|владелец|учредител|представител|оператор|кассир|кадр|партн[её]р|HR|manager|director|head|accountant|CEO|CFO|CTO|COO|officer|engineer|specialist|assistant|lead|consultant|sales|partner|owner|founder|president|analyst|coordinator|procurement|purchasing|executive|administrator|developer|VP|vice|chief|account|counsel|lawyer)", RegexOptions.IgnoreCase)]
    public static partial Regex PositionWord();

    [GeneratedRegex(@"^(Москва|Россия|Санкт-Петербург|Новосибирск|Екатеринбург|Казань|Нижний Новгород|Самара|Краснодар|Тула|Moscow|Russia|London|Berlin|Russian Federation|Российская Федерация|Спасибо|Добрый день|Здравствуйте|Hello|Hi|Dear|Regards|Thanks|Best|Компания|Company|Группа компаний)$", RegexOptions.IgnoreCase)]
    public static partial Regex NotAName();
}
