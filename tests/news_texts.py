"""Article texts written for the tests, in the style of the outlets (not copied from them).

Each wire story comes in the versions outlets make of it: another dateline, another agency
attribution, a sentence added or cut, a word changed. OTHER_* are different stories on the same
subject (they must not be grouped with the wire story).
"""
from __future__ import annotations

# --- Azerbaijani -------------------------------------------------------------------------------

AZ_WIRE = (
    "Bakı, 12 mart, Report. Azərbaycan ilə Rusiya arasında Hökumətlərarası Komissiyanın növbəti iclası "
    "aprel ayında Moskvada keçiriləcək. Report xəbər verir ki, bu barədə Azərbaycanın Baş nazirinin müavini "
    "Şahin Mustafayev Rusiya Hökumətinin sədr müavini Aleksey Overçuk ilə telefon danışığında bildirib. "
    "Tərəflər ticarət dövriyyəsinin artırılması, Şimal-Cənub nəqliyyat dəhlizi üzrə yükdaşımaların "
    "həcmi və gömrük prosedurlarının sadələşdirilməsi məsələlərini müzakirə ediblər. Qeyd olunub ki, "
    "ötən il iki ölkə arasında ticarət dövriyyəsi 4,8 milyard dollar təşkil edib. Komissiyanın iclasında "
    "kənd təsərrüfatı, energetika və humanitar sahədə yeni sənədlərin imzalanması gözlənilir."
)
# the same story on another site: its own dateline and attribution, one sentence reworded, a tail
AZ_WIRE_COPY = (
    "Bakı. 12 mart. APA. Azərbaycan ilə Rusiya arasında Hökumətlərarası Komissiyanın növbəti iclası "
    "aprel ayında Moskvada keçiriləcək. APA xəbər verir ki, bu barədə Azərbaycanın Baş nazirinin müavini "
    "Şahin Mustafayev Rusiya Hökumətinin sədr müavini Aleksey Overçuk ilə telefon danışığında bildirib. "
    "Tərəflər ticarət dövriyyəsinin artırılması, Şimal-Cənub nəqliyyat dəhlizi ilə yükdaşımaların "
    "həcmi və gömrük prosedurlarının sadələşdirilməsi məsələlərini müzakirə ediblər. Qeyd edilib ki, "
    "ötən il iki ölkə arasında ticarət dövriyyəsi 4,8 milyard dollar olub. Komissiyanın iclasında "
    "kənd təsərrüfatı, energetika və humanitar sahədə yeni sənədlərin imzalanması gözlənilir. "
    "Xəbərlərimizi Telegram kanalımızda izləyin."
)
# a different story on the same subject, sharing names and phrases
AZ_OTHER = (
    "Bakı, 20 mart, Report. Azərbaycan ilə Rusiya arasında Hökumətlərarası Komissiyanın iqtisadi "
    "əməkdaşlıq üzrə alt komissiyası Bakıda toplaşıb. İclasda Azərbaycanın iqtisadiyyat naziri Mikayıl "
    "Cabbarov rus investorlarının Ələtdəki azad iqtisadi zonaya marağından danışıb. Nazir bildirib ki, "
    "Rusiya şirkətləri ölkədə 1200-dən çox layihə həyata keçirir və onların ümumi dəyəri 6 milyard "
    "dolları keçir. Tərəflər kiçik və orta sahibkarlığın dəstəklənməsi üzrə birgə proqramı da müzakirə "
    "ediblər."
)
# about Azerbaijan only: relevance is low
AZ_DOMESTIC = (
    "Bakı, 14 mart. Azərbaycanın Kənd Təsərrüfatı Nazirliyi yaz əkini kampaniyasının gedişatı barədə "
    "məlumat yayıb. Nazirliyin məlumatına görə, respublikanın rayonlarında 120 min hektardan çox sahədə "
    "taxıl əkini aparılıb. Fermerlərə güzəştli şərtlərlə gübrə və yanacaq verilir, suvarma sistemlərinin "
    "təmiri davam etdirilir. Mütəxəssislər bu il məhsuldarlığın ötən ilə nisbətən artacağını gözləyirlər."
)

# --- Russian ------------------------------------------------------------------------------------

RU_WIRE = (
    "МОСКВА, 5 апреля. /ТАСС/. Министр иностранных дел России Сергей Лавров провел в Москве переговоры "
    "с главой МИД Азербайджана Джейхуном Байрамовым. Стороны обсудили подготовку визита президента "
    "Азербайджана Ильхама Алиева в Россию, а также ход реализации Декларации о союзническом "
    "взаимодействии, подписанной 22 февраля 2022 года. Лавров отметил, что товарооборот двух стран по "
    "итогам прошлого года вырос на 17 процентов и превысил 4 миллиарда долларов. Байрамов сообщил, "
    "что в Азербайджане работают более тысячи компаний с российским капиталом."
)
RU_WIRE_COPY = (
    "Баку, 5 апреля, Trend. Министр иностранных дел России Сергей Лавров провел в Москве переговоры "
    "с главой МИД Азербайджана Джейхуном Байрамовым, передает Trend. Стороны обсудили подготовку визита "
    "президента Азербайджана Ильхама Алиева в Россию, а также ход реализации Декларации о союзническом "
    "взаимодействии, подписанной 22 февраля 2022 года. Лавров отметил, что товарооборот двух стран по "
    "итогам прошлого года вырос на 17% и превысил 4 миллиарда долларов. Байрамов сообщил, "
    "что в Азербайджане работают более тысячи компаний с российским капиталом."
)
# Russia only
RU_DOMESTIC = (
    "МОСКВА, 6 апреля. /ТАСС/. Правительство России утвердило программу развития пригородного "
    "железнодорожного сообщения до 2030 года. По словам вице-премьера, на обновление подвижного состава "
    "будет направлено более 300 миллиардов рублей, а число электричек в регионах увеличится на "
    "четверть. Первые новые поезда выйдут на линии в Подмосковье и Татарстане уже этим летом."
)

# --- English ------------------------------------------------------------------------------------

EN_WIRE = (
    "BAKU, April 18. Azerbaijan and Russia have agreed to raise freight traffic on the western route of the "
    "North-South transport corridor to 15 million tonnes a year, Azerbaijani Deputy Prime Minister Shahin "
    "Mustafayev said after meeting Russian Deputy Prime Minister Alexei Overchuk in Baku. The two "
    "officials co-chair the intergovernmental commission, which will hold its next session in Moscow in "
    "the autumn. Mustafayev said the railway section between the Russian border and Baku would be "
    "modernised by 2027, and that customs checks at the Yalama crossing would be cut to two hours."
)
EN_WIRE_COPY = (
    "Baku, 18 April, AZERTAC. Azerbaijan and Russia have agreed to raise freight traffic on the western "
    "route of the North-South transport corridor to 15 million tonnes a year, Azerbaijani Deputy Prime "
    "Minister Shahin Mustafayev said after meeting Russian Deputy Prime Minister Alexei Overchuk in Baku. "
    "The two officials co-chair the intergovernmental commission, which will hold its next session in "
    "Moscow in the autumn. Mustafayev said the railway section between the Russian border and Baku "
    "would be modernised by 2027."
)
EN_OTHER = (
    "MOSCOW, April 22. Russian Foreign Minister Sergei Lavrov and Azerbaijani Foreign Minister Jeyhun "
    "Bayramov discussed regional security by phone on Monday, the Russian foreign ministry said. The "
    "ministers reviewed preparations for consultations between the two foreign ministries planned for "
    "May and exchanged views on the situation in the South Caucasus, including the opening of transport "
    "links in the region and the work of the trilateral working group."
)
EN_UNRELATED = (
    "PARIS, April 20. The organisers of the city marathon said on Sunday that a record 57,000 runners had "
    "registered for this year's race, which will start on the Champs-Elysees and finish near the Eiffel "
    "Tower. Several streets in the centre will be closed from early morning, and the metro will run "
    "extra trains on the lines serving the start and the finish areas."
)
