/**
 * The injection patterns of ./injection-patterns.ts in other languages: for each, "ignore the previous
 * instructions", "give (me) full marks" and "you are (now) a grader", with the usual ways of saying them. Accents
 * are written as the language writes them; the patterns are folded like the answers (fold.ts), so "instruções",
 * "instrucoes" and "ｉｎｓｔｒｕçõｅｓ" all match. `\b` only knows ASCII letters, so the Cyrillic patterns mark word
 * edges with `(?<!\p{L})` and Chinese and Japanese, written without spaces, need none. Each pattern needs a word of
 * the language itself (French "consignes", not the English "instructions" that English answers use), so an English
 * answer cannot trip a pattern written for French.
 */
import { injectionPattern, type InjectionPattern } from './injection-patterns.js';

const W = String.raw`(?:[\p{L}\p{N}_'’-]+\s+)`;
const CYRILLIC_WORD = String.raw`(?:\p{L}+\s+)`;

const SPANISH: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`\b(?:ignora|ignoren|ignorad|olvida|olvide|olviden|descarta|descarte|omite|omita|pasa\s+por\s+alto|no\s+hagas\s+caso\s+(?:a|de))\s+${W}{0,3}?(?:instrucciones|indicaciones|órdenes|directrices|reglas\s+(?:anteriores|previas))\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:dame|dale|deme|denme|otórga(?:me|le)|otorga|asígna(?:me|le)|asigna|ponme|ponle)\s+${W}{0,3}?(?:(?:la\s+)?(?:puntuación|nota|calificación|puntaje)\s+(?:máxima|perfecta|completa|de\s+10)|un\s+(?:10|diez)\b|10\s*\/\s*10|diez\s+de\s+diez|(?:la\s+)?máxima\s+(?:puntuación|nota|calificación))`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:puntuación|calificación|puntaje)\s+(?:máxima|perfecta)\b|\b(?:esta|mi)\s+respuesta\s+(?:merece|debería\s+(?:tener|recibir|obtener))\s+(?:un\s+)?(?:10|diez|la\s+máxima)`,
  ),
  injectionPattern(
    'role_play',
    String.raw`\b(?:eres|ahora\s+eres|actúa\s+como|finge\s+(?:ser|que\s+eres)|haz\s+de)\s+(?:un|una|el|la|mi)?\s*${W}{0,2}?(?:evaluador(?:a)?|calificador(?:a)?|corrector(?:a)?|examinador(?:a)?|asistente|modelo\s+de\s+lenguaje|ia)\b`,
  ),
  injectionPattern(
    'system_prompt',
    String.raw`\b(?:nota|mensaje)\s+para\s+(?:el\s+|la\s+)?(?:evaluador|calificador|corrector|ia|modelo)\b`,
  ),
];

const FRENCH: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`\b(?:ignore[zr]?|oublie[zr]?|ne\s+tiens\s+pas\s+compte\s+des|ne\s+tenez\s+pas\s+compte\s+des)\s+(?:toutes\s+)?(?:les|vos|tes|ces)?\s*${W}?(?:instructions|consignes|règles|directives)\s+(?:précédentes|antérieures|ci-dessus|d'avant|du\s+système|de\s+notation)\b`,
  ),
  injectionPattern(
    'override',
    String.raw`\b(?:ignore[zr]?|oublie[zr]?)\s+(?:toutes\s+)?(?:les|vos|tes|ces)\s+${W}?(?:instructions|consignes|règles|directives)\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:donne[zr]?|attribue[zr]?|accorde[zr]?|mets|mettez)[\s-]+(?:(?:moi|lui|nous)\s+)?${W}{0,3}?(?:(?:la\s+)?note\s+(?:maximale|maximum|parfaite|complète|de\s+10)|(?:un\s+)?10\s*(?:\/|sur)\s*10|(?:un\s+)?dix\s+sur\s+dix|tous\s+les\s+points)`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\bnote\s+(?:maximale|parfaite)\b|\b(?:10|dix)\s+sur\s+(?:10|dix)\b|\bla\s+totalité\s+des\s+points\b`,
  ),
  injectionPattern(
    'role_play',
    String.raw`\b(?:tu\s+es|vous\s+êtes|agis\s+comme|agissez\s+comme|fais\s+semblant\s+d'\s*être|faites\s+semblant\s+d'\s*être|joue\s+le\s+rôle\s+d')\s*(?:maintenant\s+|désormais\s+)?(?:un|une|le|la|l'|mon|notre)?\s*${W}{0,2}?(?:correcteur|correctrice|évaluateur|évaluatrice|examinateur|examinatrice|notateur|assistant|modèle\s+de\s+langage|ia)\b`,
  ),
  injectionPattern(
    'system_prompt',
    String.raw`\b(?:note|message)\s+(?:à|pour)\s+(?:l'\s*|le\s+|la\s+)?(?:ia|correcteur|évaluateur|examinateur|modèle)\b`,
  ),
];

const GERMAN: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`\b(?:ignoriere|ignorier|ignorieren\s+sie|ignoriert|vergiss|vergessen\s+sie|vergesst|missachte|missachten\s+sie)\s+${W}{0,3}?(?:anweisungen|instruktionen|vorgaben|regeln|befehle|anordnungen|bewertungskriterien)\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:gib|geben\s+sie|gebt|vergib|vergeben\s+sie)\s+(?:mir|uns|dieser\s+antwort|der\s+antwort)?\s*${W}{0,3}?(?:die\s+)?(?:volle[n]?\s+punkt(?:zahl|e)|höchstpunktzahl|bestnote|maximale[n]?\s+punkt(?:zahl|e)|(?:eine\s+)?10\s+von\s+10|zehn\s+von\s+zehn|10\s*\/\s*10|alle\s+punkte)\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:volle\s+punktzahl|höchstpunktzahl|höchstnote)\b|\b(?:10|zehn)\s+von\s+(?:10|zehn)\s+punkten\b`,
  ),
  injectionPattern(
    'role_play',
    String.raw`\b(?:du\s+bist|sie\s+sind|ihr\s+seid)\s+(?:jetzt\s+|nun\s+|ab\s+sofort\s+)?(?:ein|eine|der|die|mein)\s+${W}{0,2}?(?:bewerter(?:in)?|prüfer(?:in)?|korrektor(?:in)?|gutachter(?:in)?|assistent(?:in)?|ki|sprachmodell)\b`,
  ),
  injectionPattern(
    'role_play',
    String.raw`\b(?:tu\s+so,?\s+als\s+(?:ob|wärst)|spiele?\s+die\s+rolle\s+(?:eines|einer|des|der)|verhalte\s+dich\s+wie\s+(?:ein|eine))\b`,
  ),
  injectionPattern(
    'system_prompt',
    String.raw`\b(?:hinweis|nachricht|notiz)\s+(?:an|für)\s+(?:die\s+|den\s+)?(?:ki|bewerter|prüfer|korrektor|sprachmodell)\b`,
  ),
];

const PORTUGUESE: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`\b(?:ignore|ignora|ignorem|esqueça|esquece|esqueçam|desconsidere|desconsidera)\s+${W}{0,3}?(?:instruções|orientações|comandos|regras\s+anteriores)\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:dê|dá|dê-me|dá-me|me\s+dê|me\s+dá|atribua|atribui|coloque)\s+${W}{0,3}?(?:(?:a\s+)?nota\s+(?:máxima|perfeita|dez|10)|(?:um\s+)?10\s*\/\s*10|dez\s+de\s+dez|(?:a\s+)?pontuação\s+(?:máxima|total|completa|perfeita))\b`,
  ),
  injectionPattern('score_demand', String.raw`\b(?:nota|pontuação)\s+máxima\b`),
  injectionPattern(
    'role_play',
    String.raw`\b(?:você\s+é|você\s+agora\s+é|agora\s+você\s+é|aja\s+como|atue\s+como|finja\s+(?:ser|que\s+(?:você\s+)?é))\s+(?:um|uma|o|a|meu|minha)?\s*${W}{0,2}?(?:avaliador(?:a)?|corretor(?:a)?|examinador(?:a)?|assistente|modelo\s+de\s+linguagem|ia)\b`,
  ),
];

const ITALIAN: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`\b(?:ignora|ignorate|ignori|dimentica|dimenticate|dimentichi|trascura|non\s+considerare)\s+${W}{0,3}?(?:istruzioni|indicazioni|direttive|regole\s+precedenti)\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:dammi|dai|dagli|dalle|datemi|assegna(?:mi|gli)?|attribuisci(?:mi|gli)?|metti(?:mi)?)\s+${W}{0,3}?(?:(?:il\s+)?punteggio\s+(?:massimo|pieno|perfetto)|(?:un\s+)?10\s*(?:\/|su)\s*10|(?:un\s+)?dieci\s+su\s+dieci|(?:il\s+)?massimo\s+dei\s+voti|(?:il\s+)?voto\s+massimo|(?:un\s+)?10\s+e\s+lode)\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:punteggio|voto)\s+(?:massimo|pieno)\b|\b(?:10|dieci)\s+su\s+(?:10|dieci)\b`,
  ),
  injectionPattern(
    'role_play',
    String.raw`\b(?:sei|ora\s+sei|adesso\s+sei|tu\s+sei|agisci\s+come|comportati\s+come|fingi\s+di\s+essere)\s+(?:un|una|il|lo|la|l'|il\s+mio)?\s*${W}{0,2}?(?:valutatore|valutatrice|correttore|correttrice|esaminatore|esaminatrice|assistente|modello\s+linguistico|ia)\b`,
  ),
];

const DUTCH: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`\b(?:negeer|negeert|vergeet)\s+${W}{0,3}?(?:instructies|aanwijzingen|opdrachten|regels)\b`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`\b(?:geef|geeft)\s+${W}{0,3}?(?:(?:de\s+|het\s+)?maximale\s+(?:score|punten|cijfer)|volle\s+punten|(?:een\s+)?10\s*(?:\/|uit)\s*10|tien\s+uit\s+tien|een\s+tien|(?:het\s+)?hoogste\s+(?:score|cijfer))\b`,
  ),
  injectionPattern('score_demand', String.raw`\b(?:10|tien)\s+uit\s+(?:10|tien)\b|\bvolle\s+punten\b`),
  injectionPattern(
    'role_play',
    String.raw`\b(?:je\s+bent|jij\s+bent|u\s+bent)\s+(?:nu\s+)?(?:een|de|het|mijn)\s+${W}{0,2}?(?:beoordelaar|examinator|corrector|assistent|taalmodel|ai)\b`,
  ),
  injectionPattern(
    'role_play',
    String.raw`\b(?:doe\s+alsof\s+(?:je|jij|u)|speel\s+de\s+rol\s+van|gedraag\s+je\s+als)\b`,
  ),
];

const CHINESE: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`(?:忽略|忽视|忽視|无视|無視|忘记|忘記|忘掉|不要理会|不要理會|不要管|跳过|跳過)掉?你?(?:所有|全部|一切|以上|上面|之前|以前|先前|前面|此前|上述|原来|原來|原有)?的?(?:所有|全部|一切)?的?(?:指令|指示|说明|說明|规则|規則|提示词|提示詞|设定|設定|评分标准|評分標準)`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`(?:给|給)(?:我|这个回答|這個回答|这个答案|這個答案|此回答|本回答|它)?(?:打|评|評)?(?:个|個)?(?:满分|滿分|最高分|10分|十分|一百分|100分)|(?:满分|滿分)`,
  ),
  injectionPattern(
    'role_play',
    String.raw`(?:你是|你现在是|你現在是|现在你是|現在你是|你将扮演|你將扮演|请扮演|請扮演|扮演|假装你是|假裝你是|假设你是|假設你是)(?:一[个個名位])?\p{Script=Han}{0,4}?(?:评分员|評分員|评分者|評分者|阅卷人|閱卷人|阅卷老师|閱卷老師|考官|评估员|評估員|评估者|評估者|评审|評審|助手|人工智能|AI|模型)`,
  ),
];

const JAPANESE: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`(?:以前|前|上記|これまで|先|元|既存|上)(?:の|に)(?:すべての|全ての|全部の|あらゆる)?(?:指示|命令|ルール|指令|プロンプト|採点基準)(?:は|を)?(?:すべて|全て|全部)?(?:無視|忘れ)|(?:指示|命令|ルール|採点基準)(?:を|は)(?:すべて|全て)?(?:無視|忘れ)`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`(?:満点|最高点|最高評価|10点満点|10点|十点|100点)(?:を|に|で|と)?(?:ください|下さい|与え|あたえ|つけ|付け|にして|して|採点|評価)|満点`,
  ),
  injectionPattern(
    'role_play',
    String.raw`(?:あなた|君|きみ|お前)(?:は|が)(?:今から|これから|今|いま)?[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{0,6}?(?:採点者|評価者|採点官|試験官|審査員|アシスタント|AI)(?:です|だ|として|になって)|(?:採点者|評価者|試験官|審査員)(?:として|のふりをして|を演じ)`,
  ),
];

const RUSSIAN: InjectionPattern[] = [
  injectionPattern(
    'override',
    String.raw`(?<!\p{L})(?:игнорируй(?:те)?|игнорировать|проигнорируй(?:те)?|забудь(?:те)?|отбрось(?:те)?|не\s+обращай(?:те)?\s+внимания\s+на)\s+${CYRILLIC_WORD}{0,3}?(?:инструкци\p{L}*|указани\p{L}*|правил\p{L}*|команд\p{L}*|критери\p{L}*)`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`(?<!\p{L})(?:поставь(?:те)?|дай(?:те)?|выстави(?:те)?|оцени(?:те)?)\s+${CYRILLIC_WORD}{0,3}?(?:максимальн\p{L}*\s+(?:балл\p{L}*|оценк\p{L}*)|10\s+из\s+10|десять\s+из\s+десяти|высш\p{L}*\s+(?:балл|оценк)\p{L}*|на\s+(?:10|десять|максимум|отлично)|пятёрк\p{L}*|10\s+баллов)`,
  ),
  injectionPattern(
    'score_demand',
    String.raw`(?<!\p{L})(?:максимальн\p{L}*\s+балл\p{L}*|10\s+из\s+10|десять\s+из\s+десяти)`,
  ),
  injectionPattern(
    'role_play',
    String.raw`(?<!\p{L})(?:ты|вы)\s+(?:теперь\s+|сейчас\s+)?${CYRILLIC_WORD}{0,2}?(?:оценщик\p{L}*|экзаменатор\p{L}*|проверяющ\p{L}*|ассистент\p{L}*|языков\p{L}*\s+модел\p{L}*|ии)(?!\p{L})`,
  ),
  injectionPattern(
    'role_play',
    String.raw`(?<!\p{L})(?:притворись|представь(?:те)?,?\s+что\s+ты|веди\s+себя\s+как|сыграй\s+роль)(?!\p{L})`,
  ),
];

export const I18N_INJECTION_PATTERNS: readonly InjectionPattern[] = [
  ...SPANISH,
  ...FRENCH,
  ...GERMAN,
  ...PORTUGUESE,
  ...ITALIAN,
  ...DUTCH,
  ...CHINESE,
  ...JAPANESE,
  ...RUSSIAN,
];
