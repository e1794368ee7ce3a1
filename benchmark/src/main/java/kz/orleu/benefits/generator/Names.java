package kz.orleu.benefits.generator;

import java.util.Map;
import java.util.SplittableRandom;

/** Kazakh and Russian Cyrillic names and districts; a few deliberately contain commas or double quotes. */
final class Names {

    private Names() {
    }

    /** {male, female} forms. */
    static final String[][] KAZAKH_SURNAMES = {
        {"Ахметов", "Ахметова"}, {"Жұмабаев", "Жұмабаева"}, {"Нұрғалиев", "Нұрғалиева"},
        {"Әбдіраманов", "Әбдіраманова"}, {"Қасенов", "Қасенова"}, {"Өмірбеков", "Өмірбекова"},
        {"Іскаков", "Іскакова"}, {"Ғабдуллин", "Ғабдуллина"}, {"Үсенов", "Үсенова"}, {"Тоқтаров", "Тоқтарова"},
        {"Мұқанов", "Мұқанова"}, {"Смағұлов", "Смағұлова"}, {"Бейсенов", "Бейсенова"},
        {"Серікбаев", "Серікбаева"}, {"Құдайбергенов", "Құдайбергенова"}, {"Оспанов", "Оспанова"},
        {"Сейітқали", "Сейітқали"}, {"Һадиев", "Һадиева"}, {"Жақсылықов", "Жақсылықова"},
        {"Төлеуов", "Төлеуова"}, {"Байжанов", "Байжанова"}, {"Ерғалиев", "Ерғалиева"},
        {"Сәрсенбаев", "Сәрсенбаева"}, {"Шәріпов", "Шәріпова"}, {"Бекмұхамбетов", "Бекмұхамбетова"},
        {"Қалиев", "Қалиева"}, {"Досжанов", "Досжанова"}, {"Мырзахметов", "Мырзахметова"},
    };

    static final String[][] RUSSIAN_SURNAMES = {
        {"Иванов", "Иванова"}, {"Петров", "Петрова"}, {"Смирнов", "Смирнова"}, {"Кузнецов", "Кузнецова"},
        {"Попов", "Попова"}, {"Васильев", "Васильева"}, {"Соколов", "Соколова"}, {"Морозов", "Морозова"},
        {"Новиков", "Новикова"}, {"Фёдоров", "Фёдорова"}, {"Ким", "Ким"}, {"Шевченко", "Шевченко"},
        {"Ли", "Ли"}, {"Бондаренко", "Бондаренко"}, {"Ковальчук", "Ковальчук"}, {"Шмидт", "Шмидт"},
        {"Белоусов", "Белоусова"}, {"Гончаров", "Гончарова"},
    };

    /** Surnames with a comma (quoted in CSV). */
    static final String[][] ODD_SURNAMES = {
        {"Ахметов, мл.", "Ахметова, мл."}, {"Ким, ст.", "Ким, ст."}, {"Иванов, мл.", "Иванова, мл."},
    };

    static final String[] KAZAKH_MALE = {
        "Нұрлан", "Ерлан", "Марат", "Дәурен", "Қайрат", "Ұлан", "Асқар", "Бауыржан", "Ержан", "Серік", "Айбек",
        "Әлихан", "Нұрсұлтан", "Темірлан", "Дамир", "Ерасыл", "Мұхтар", "Ғалым", "Жандос", "Бекзат",
    };
    static final String[] KAZAKH_FEMALE = {
        "Айгүл", "Әсел", "Гүлнар", "Жанар", "Сәуле", "Інжу", "Ғалия", "Роза", "Динара", "Айжан", "Мөлдір",
        "Назерке", "Ақбота", "Аружан", "Жұлдыз", "Гүлмира", "Ләззат", "Үміт", "Айым", "Шынар",
    };
    static final String[] RUSSIAN_MALE = {
        "Александр", "Сергей", "Андрей", "Дмитрий", "Олег", "Виктор", "Николай", "Иван", "Михаил", "Артём",
        "Владимир", "Евгений",
    };
    static final String[] RUSSIAN_FEMALE = {
        "Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария", "Екатерина", "Юлия",
        "Людмила", "Валентина",
    };
    /** First names with nicknames in double quotes or a comma (quoted in CSV). */
    static final String[] ODD_MALE = {"Олег \"Алик\"", "Нұрлан \"Нұрик\"", "Ерлан, Ерік"};
    static final String[] ODD_FEMALE = {"Айгүл \"Гүля\"", "Мария, Анна", "Елена \"Лена\", мл."};

    static final String[] GENERIC_DISTRICTS = {"Орталық аудан", "Центральный район"};

    static final Map<Integer, String[]> DISTRICTS = Map.ofEntries(
        Map.entry(11, new String[] {"Зеренді ауданы", "Целиноград ауданы", "Бурабай ауданы", "Аршалы ауданы",
            "Шортанды ауданы", "Атбасарский район", "Көкшетау қ."}),
        Map.entry(15, new String[] {"Мұғалжар ауданы", "Хромтау ауданы", "Мартукский район", "Ақтөбе қ."}),
        Map.entry(19, new String[] {"Қарасай ауданы", "Талғар ауданы", "Еңбекшіқазақ ауданы", "Талдықорған қ."}),
        Map.entry(23, new String[] {"Жылыой ауданы", "Мақат ауданы", "Атырау қ."}),
        Map.entry(27, new String[] {"Бөрлі ауданы", "Зеленовский район", "Орал қ."}),
        Map.entry(31, new String[] {"Шу ауданы", "Байзақ ауданы", "Жамбыл ауданы", "Мерке ауданы", "Қордай ауданы",
            "Жуалы ауданы", "Тараз қ."}),
        Map.entry(35, new String[] {"Бұқар жырау ауданы", "Абайский район", "Осакаровский район", "Қарағанды қ."}),
        Map.entry(39, new String[] {"Федоровский район", "Әулиекөл ауданы", "Рудный қ.", "Қостанай қ."}),
        Map.entry(43, new String[] {"Қармақшы ауданы", "Жалағаш ауданы", "Қызылорда қ."}),
        Map.entry(47, new String[] {"Маңғыстау ауданы", "Түпқараған ауданы", "Ақтау қ."}),
        Map.entry(51, new String[] {"Сайрам ауданы", "Түлкібас ауданы", "Мақтаарал ауданы", "Шымкент қ."}),
        Map.entry(55, new String[] {"Ертіс ауданы", "Щербактинский район", "Павлодар қ."}),
        Map.entry(59, new String[] {"Аққайың ауданы", "Кызылжарский район", "Петропавл қ."}),
        Map.entry(63, new String[] {"Глубоковский район", "Зайсан ауданы", "Шемонаихинский район",
            "Катон-Қарағай ауданы", "Тарбағатай ауданы", "Риддер қ.", "Өскемен қ."}),
        Map.entry(71, new String[] {"Алматы ауданы", "Есіл ауданы", "Сарыарқа ауданы"}),
        Map.entry(75, new String[] {"Алмалы ауданы", "Бостандық ауданы", "Әуезов ауданы", "Медеу ауданы"}));

    static String[] districts(int region) {
        return DISTRICTS.getOrDefault(region, GENERIC_DISTRICTS);
    }

    /** True for city districts and the two cities of republican significance: settlement URBAN. */
    static boolean isCity(int region, String district) {
        return region == 71 || region == 75 || district.endsWith(" қ.");
    }

    static String pick(SplittableRandom rnd, String[] a) {
        return a[rnd.nextInt(a.length)];
    }

    static String firstName(SplittableRandom rnd, boolean kazakh, boolean male, double oddShare) {
        if (rnd.nextDouble() < oddShare) {
            return pick(rnd, male ? ODD_MALE : ODD_FEMALE);
        }
        if (kazakh) {
            return pick(rnd, male ? KAZAKH_MALE : KAZAKH_FEMALE);
        }
        return pick(rnd, male ? RUSSIAN_MALE : RUSSIAN_FEMALE);
    }

    static String[] surname(SplittableRandom rnd, boolean kazakh, double oddShare) {
        if (rnd.nextDouble() < oddShare) {
            return ODD_SURNAMES[rnd.nextInt(ODD_SURNAMES.length)];
        }
        String[][] a = kazakh ? KAZAKH_SURNAMES : RUSSIAN_SURNAMES;
        return a[rnd.nextInt(a.length)];
    }
}
