/**
 * Names from several locales, chosen to stress a client: umlauts and ß, accents, Irish
 * apostrophes, hyphenated and multi-word surnames, and CJK names (with a romanised form for the
 * email address, since ASCII folding cannot romanise kanji or hanzi).
 */
export interface NamePart {
  text: string;
  /** ASCII used for the email local part; omitted when folding `text` gives it. */
  ascii?: string;
}

export interface LocalePool {
  locale: string;
  timeZones: readonly string[];
  weight: number;
  firstNames: readonly NamePart[];
  lastNames: readonly NamePart[];
  /** Whether double surnames joined by a hyphen occur in this pool. */
  hyphenates: boolean;
}

const parts = (names: string): NamePart[] => names.split("|").map((text) => ({ text }));
const romanised = (pairs: string): NamePart[] =>
  pairs.split("|").map((pair) => {
    const [text = "", ascii = ""] = pair.split("=");
    return { text, ascii };
  });

export const LOCALE_POOLS: readonly LocalePool[] = [
  {
    locale: "en_US",
    timeZones: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"],
    weight: 32,
    firstNames: parts(
      "James|Mary|Robert|Patricia|John|Jennifer|Michael|Linda|David|Elizabeth|William|Barbara|Richard|Susan|" +
        "Joseph|Jessica|Thomas|Sarah|Christopher|Karen|Daniel|Nancy|Matthew|Lisa|Anthony|Betty|Mark|Sandra|" +
        "Tyler|Ashley|Kevin|Emily|Brian|Megan|Jordan|Taylor|Mary-Kate|Billy-Ray|DeShawn|Latoya",
    ),
    lastNames: parts(
      "Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|Wilson|" +
        "Anderson|Thomas|Moore|Jackson|Martin|Lee|Thompson|White|Harris|Clark|Lewis|Reid|Walker|Young|King|" +
        "Wright|Scott|Green|Baker|Adams|Nelson|Hill|Campbell|Mitchell|Roberts|Carter|Phillips|St. John|Van Buren",
    ),
    hyphenates: true,
  },
  {
    locale: "de_DE",
    timeZones: ["Europe/Berlin", "Europe/Vienna", "Europe/Zurich"],
    weight: 16,
    firstNames: parts(
      "Jürgen|Jörg|Björn|Günther|Sören|Uwe|Klaus|Stefan|Andreas|Matthias|Lukas|Maximilian|Jürg|Hans-Peter|" +
        "Karl-Heinz|Anna-Lena|Käthe|Jülide|Ursula|Sabine|Gülşen|Renée|Dörte|Maëlle|Lena|Hannah|Lea|Marie",
    ),
    lastNames: parts(
      "Müller|Schmidt|Schneider|Fischer|Weiß|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|Bauer|" +
        "Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|Lange|Strauß|" +
        "Groß|Köhler|Jäger|Böhm|Öztürk|Özdemir|Yılmaz|Süß|Fuchs|von Weizsäcker|Wöhler|Dürr|Brückner",
    ),
    hyphenates: true,
  },
  {
    locale: "fr_FR",
    timeZones: ["Europe/Paris", "Europe/Brussels"],
    weight: 11,
    firstNames: parts(
      "François|Hélène|Gérard|Chloé|Béatrice|Zoé|Noël|Anaïs|Jérôme|Cécile|Frédéric|Amélie|Thérèse|Léa|" +
        "Jean-Luc|Jean-Pierre|Marie-Claire|Anne-Sophie|Raphaël|Loïc|Océane|Maël|Élodie|Éric|Ségolène",
    ),
    lastNames: parts(
      "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Lefèvre|Girard|Bonnet|Dupont|" +
        "Lambert|Fontaine|Rousseau|Vincent|Mercier|Chevalier|Gauthier|Lefébure|Bérenger|Crépin|Daudé|" +
        "de la Fontaine|d'Artagnan|Château|Benoît",
    ),
    hyphenates: true,
  },
  {
    locale: "es_ES",
    timeZones: ["Europe/Madrid", "America/Mexico_City", "America/Bogota"],
    weight: 11,
    firstNames: parts(
      "José|María|Jesús|Ángel|Sofía|Lucía|Martín|Inés|Nicolás|Andrés|Begoña|Íñigo|Óscar|Raúl|Verónica|" +
        "Joaquín|Mónica|Adrián|Rubén|Álvaro|María José|Juan Carlos|Ana Belén",
    ),
    lastNames: parts(
      "García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|" +
        "Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Núñez|Peña|Ibáñez|Castaño|Cañizares|Gutiérrez|Ortiz",
    ),
    hyphenates: true,
  },
  {
    locale: "en_IE",
    timeZones: ["Europe/Dublin", "Europe/London"],
    weight: 8,
    firstNames: parts(
      "Seán|Siobhán|Aoife|Niamh|Ciarán|Pádraig|Eoin|Orla|Saoirse|Oisín|Róisín|Cathal|Aisling|Dara|Éabha|Conor",
    ),
    lastNames: parts(
      "O'Brien|O'Connor|O'Sullivan|O'Neill|O'Reilly|O'Donnell|Ó Súilleabháin|Ní Bhriain|Mac Giolla|" +
        "McCarthy|McLaughlin|Murphy|Kelly|Byrne|Ryan|Walsh|D'Arcy|Fitzgerald|Ó Ceallaigh|Mac Cárthaigh",
    ),
    hyphenates: false,
  },
  {
    locale: "sv_SE",
    timeZones: ["Europe/Stockholm", "Europe/Oslo", "Europe/Copenhagen"],
    weight: 5,
    firstNames: parts("Søren|Bjørn|Åsa|Björk|Jörgen|Märta|Øystein|Ingrid|Lars|Kristín|Þórunn|Ævar|Signe"),
    lastNames: parts(
      "Øvergaard|Åkesson|Løvland|Sjöberg|Ångström|Nørgaard|Ólafsdóttir|Lindqvist|Hæstad|Jensen",
    ),
    hyphenates: false,
  },
  {
    locale: "ja_JP",
    timeZones: ["Asia/Tokyo"],
    weight: 8,
    firstNames: romanised(
      "太郎=taro|花子=hanako|陽翔=haruto|結衣=yui|蓮=ren|陽菜=hina|翔太=shota|美咲=misaki|健一=kenichi|さくら=sakura",
    ),
    lastNames: romanised(
      "佐藤=sato|鈴木=suzuki|高橋=takahashi|田中=tanaka|伊藤=ito|渡辺=watanabe|山本=yamamoto|中村=nakamura|小林=kobayashi|加藤=kato",
    ),
    hyphenates: false,
  },
  {
    locale: "zh_CN",
    timeZones: ["Asia/Shanghai", "Asia/Taipei", "Asia/Singapore"],
    weight: 9,
    firstNames: romanised(
      "伟=wei|芳=fang|秀英=xiuying|静=jing|磊=lei|洋=yang|婷=ting|浩然=haoran|子涵=zihan|欣怡=xinyi",
    ),
    lastNames: romanised(
      "王=wang|李=li|张=zhang|刘=liu|陈=chen|杨=yang|黄=huang|赵=zhao|吴=wu|周=zhou|欧阳=ouyang|司马=sima",
    ),
    hyphenates: false,
  },
];
