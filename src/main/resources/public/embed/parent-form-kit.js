/*
 * Open Attendance: what the embedded parents' forms share (absence-form.js, leave-form.js). A school never pastes this
 * file: each form's own script tag loads it from the same address, once per page however many forms the page holds.
 *
 * Each form lives in a shadow root, so the school's CSS cannot reach it and its CSS cannot reach the school's page.
 * Only inherited properties cross a shadow boundary; the wrapper resets them all, so even `* { color: white !important }`
 * on the page leaves the form readable. The markup follows WCAG 2.2 AA: every control has a label, groups have a
 * fieldset and legend, errors sit beside their field (aria-invalid, aria-describedby) and are announced, each new step
 * takes focus at its heading, and every target is at least 44 by 44 CSS pixels.
 *
 * Every word either form shows comes from one table here (WORDS), in English, Polish, Urdu, Romanian and Welsh; the form
 * starts in the first of navigator.languages it has, and a Language list above every step switches it in place, keeping
 * what was typed and where focus is. Urdu turns the form right to left (dir="rtl"; the CSS uses logical properties).
 */
(function () {
  "use strict";
  if (window.OpenAttendanceEmbed) { return; }

  // Colours are checked against white: text #1b1b1b (17:1), hints #505a5f (7:1), errors #b10e1e (7.4:1),
  // the button #00703c with white text (6:1), the focus ring #0b0c0c on #ffdd00 (GOV.UK's, 17:1).
  var CSS = [
    ":host { all: initial !important; display: block !important; }",
    ".oa { all: initial; display: block; box-sizing: border-box; max-width: 640px; padding: 16px; background: #ffffff; color: #1b1b1b;",
    "  font: 400 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; text-align: start; }",
    ".oa *, .oa *::before, .oa *::after { box-sizing: border-box; }",
    ".oa h1, .oa h2, .oa h3, .oa h4, .oa h5, .oa h6 { font-size: 24px; line-height: 1.25; font-weight: 700; margin: 0 0 16px; color: #1b1b1b; }",
    ".oa h1:focus, .oa h2:focus, .oa h3:focus, .oa h4:focus, .oa h5:focus, .oa h6:focus { outline: 3px solid #ffdd00; outline-offset: 2px; }",
    ".oa p { margin: 0 0 16px; }",
    ".oa form { margin: 0; }",
    ".oa .field { margin: 0 0 20px; }",
    ".oa .field.invalid { border-inline-start: 5px solid #b10e1e; padding-inline-start: 12px; }",
    ".oa label, .oa legend { display: block; font-weight: 700; margin: 0 0 4px; color: #1b1b1b; }",
    ".oa fieldset { border: 0; margin: 0 0 20px; padding: 0; min-width: 0; }",
    ".oa legend { padding: 0; font-size: 18px; }",
    ".oa .hint { display: block; color: #505a5f; margin: 0 0 6px; }",
    ".oa .error { display: block; color: #b10e1e; font-weight: 700; margin: 0 0 6px; }",
    ".oa .error[hidden] { display: none; }",
    ".oa input[type=tel], .oa input[type=text], .oa input[type=date], .oa input:not([type]), .oa select, .oa textarea {",
    "  display: block; width: 100%; max-width: 384px; min-height: 44px; padding: 8px; font: inherit; color: #1b1b1b; background: #ffffff;",
    "  border: 2px solid #0b0c0c; border-radius: 0; }",
    ".oa textarea { min-height: 110px; max-width: 100%; }",
    ".oa input[type=file] { display: block; min-height: 44px; padding: 8px 0; font: inherit; color: #1b1b1b; }",
    ".oa [aria-invalid=true] { border-color: #b10e1e; border-width: 3px; }",
    ".oa .choice { display: flex; align-items: center; gap: 12px; min-height: 44px; font-weight: 400; margin: 0 0 4px; cursor: pointer; }",
    ".oa .choice input { width: 28px; height: 28px; margin: 0; flex: none; accent-color: #0b0c0c; }",
    ".oa button { display: inline-block; min-height: 44px; min-width: 44px; padding: 8px 18px; font-family: inherit; font-size: 18px; font-weight: 700; line-height: 1.4;",
    "  color: #ffffff; background: #00703c; border: 2px solid transparent; border-radius: 0; box-shadow: 0 2px 0 #002d18; cursor: pointer; }",
    ".oa button:hover { background: #005a30; }",
    ".oa input:focus, .oa select:focus, .oa textarea:focus, .oa button:focus, .oa .choice input:focus {",
    "  outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }",
    ".oa button:focus { color: #0b0c0c; background: #ffdd00; box-shadow: 0 2px 0 #0b0c0c; }",
    ".oa .summary { border: 5px solid #b10e1e; padding: 12px 16px; margin: 0 0 20px; }",
    ".oa .summary[hidden] { display: none; }",
    ".oa .summary ul { margin: 8px 0 0; padding: 0; padding-inline-start: 20px; }",
    ".oa .summary a { color: #b10e1e; font-weight: 700; display: inline-block; min-height: 24px; }",
    ".oa .summary a:focus { outline: 3px solid #ffdd00; background: #ffdd00; color: #0b0c0c; }",
    ".oa .done { border: 5px solid #00703c; padding: 12px 16px; }",
    ".oa .done p { margin: 0 0 8px; }",
    ".oa .languages { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; margin: 0 0 16px; }",
    ".oa .languages label { margin: 0; }",
    ".oa .languages select { width: auto; min-width: 160px; }",
    ".oa [dir=rtl] .choice, .oa[dir=rtl] .choice { flex-direction: row; }",
    ".oa .visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden;",
    "  clip: rect(0 0 0 0); clip-path: inset(50%); border: 0; white-space: nowrap; }"
  ].join("\n");

  // One table of every word the two forms show, by key, then language. English is the school's own wording; the Polish,
  // Urdu, Romanian and Welsh were machine-made and NEED A SCHOOL'S REVIEW (a fluent reader at the school) before they are
  // relied on: docs/forms/LANGUAGES.md says how. A key missing in a language falls back to English.
  // {name} marks a value filled in at show time.
  var LANGUAGES = [["en", "English"], ["pl", "Polski"], ["ur", "اردو"], ["ro", "Română"], ["cy", "Cymraeg"]];
  var RTL = { ur: true };
  var WORDS = {
    // the sign-in both forms share
    "language": { en: "Language", pl: "Język", ur: "زبان", ro: "Limba", cy: "Iaith" },
    "languageNote": { en: "You can read this form in another language: choose it from the Language list above.",
      pl: "Możesz wypełnić ten formularz w innym języku: wybierz go z listy Język powyżej.",
      ur: "آپ یہ فارم کسی اور زبان میں پڑھ سکتے ہیں: اوپر زبان کی فہرست سے منتخب کریں۔",
      ro: "Puteți citi acest formular în altă limbă: alegeți-o din lista Limba de mai sus.",
      cy: "Gallwch ddarllen y ffurflen hon mewn iaith arall: dewiswch hi o'r rhestr Iaith uchod." },
    "signIn.label": { en: "Your mobile number or email address", pl: "Twój numer telefonu komórkowego lub adres e-mail",
      ur: "آپ کا موبائل نمبر یا ای میل ایڈریس", ro: "Numărul dvs. de mobil sau adresa de e-mail", cy: "Eich rhif ffôn symudol neu eich cyfeiriad e-bost" },
    "signIn.hint": { en: "Use the one the school has for you. We will send you a code.", pl: "Podaj ten, który ma szkoła. Wyślemy Ci kod.",
      ur: "وہی استعمال کریں جو اسکول کے پاس ہے۔ ہم آپ کو ایک کوڈ بھیجیں گے۔", ro: "Folosiți-l pe cel pe care îl are școala. Vă vom trimite un cod.",
      cy: "Defnyddiwch yr un sydd gan yr ysgol. Byddwn yn anfon cod atoch." },
    "signIn.button": { en: "Send me a code", pl: "Wyślij mi kod", ur: "مجھے کوڈ بھیجیں", ro: "Trimiteți-mi un cod", cy: "Anfonwch god ataf" },
    "signIn.missing": { en: "Enter your mobile number or email address", pl: "Wpisz numer telefonu komórkowego lub adres e-mail",
      ur: "اپنا موبائل نمبر یا ای میل ایڈریس درج کریں", ro: "Introduceți numărul de mobil sau adresa de e-mail",
      cy: "Rhowch eich rhif ffôn symudol neu eich cyfeiriad e-bost" },
    "signIn.notValid": { en: "Enter a UK mobile number, like 07700 900123, or an email address, like name@example.org",
      pl: "Wpisz brytyjski numer komórkowy, np. 07700 900123, lub adres e-mail, np. imie@example.org",
      ur: "برطانیہ کا موبائل نمبر، جیسے 07700 900123، یا ای میل ایڈریس، جیسے name@example.org، درج کریں",
      ro: "Introduceți un număr de mobil din Regatul Unit, de exemplu 07700 900123, sau o adresă de e-mail, de exemplu nume@example.org",
      cy: "Rhowch rif ffôn symudol yn y DU, fel 07700 900123, neu gyfeiriad e-bost, fel enw@example.org" },
    "code.heading": { en: "Enter your code", pl: "Wpisz kod", ur: "اپنا کوڈ درج کریں", ro: "Introduceți codul", cy: "Rhowch eich cod" },
    "code.sentMobile": { en: "We have sent a 6-digit code to your mobile ending {end}.", pl: "Wysłaliśmy 6-cyfrowy kod na Twój telefon o numerze kończącym się na {end}.",
      ur: "ہم نے {end} پر ختم ہونے والے آپ کے موبائل پر 6 ہندسوں کا کوڈ بھیجا ہے۔", ro: "V-am trimis un cod din 6 cifre pe mobilul care se termină în {end}.",
      cy: "Rydym wedi anfon cod 6 digid i'ch ffôn symudol sy'n gorffen â {end}." },
    "code.sentEmail": { en: "We have sent a 6-digit code by email to {email}.", pl: "Wysłaliśmy 6-cyfrowy kod e-mailem na adres {email}.",
      ur: "ہم نے {email} پر ای میل کے ذریعے 6 ہندسوں کا کوڈ بھیجا ہے۔", ro: "V-am trimis un cod din 6 cifre prin e-mail la {email}.",
      cy: "Rydym wedi anfon cod 6 digid drwy e-bost i {email}." },
    "code.label": { en: "Code", pl: "Kod", ur: "کوڈ", ro: "Cod", cy: "Cod" },
    "code.hintMobile": { en: "It is in the text we have just sent you.", pl: "Jest w SMS-ie, który właśnie wysłaliśmy.",
      ur: "یہ اس پیغام میں ہے جو ہم نے ابھی آپ کو بھیجا ہے۔", ro: "Se află în SMS-ul pe care tocmai vi l-am trimis.",
      cy: "Mae yn y neges destun rydym newydd ei hanfon atoch." },
    "code.hintEmail": { en: "It is in the email we have just sent you.", pl: "Jest w e-mailu, który właśnie wysłaliśmy.",
      ur: "یہ اس ای میل میں ہے جو ہم نے ابھی آپ کو بھیجی ہے۔", ro: "Se află în e-mailul pe care tocmai vi l-am trimis.",
      cy: "Mae yn yr e-bost rydym newydd ei anfon atoch." },
    "code.button": { en: "Continue", pl: "Dalej", ur: "جاری رکھیں", ro: "Continuați", cy: "Parhau" },
    "code.missing": { en: "Enter the 6 digits from the message we sent you", pl: "Wpisz 6 cyfr z wiadomości, którą wysłaliśmy",
      ur: "ہمارے بھیجے گئے پیغام سے 6 ہندسے درج کریں", ro: "Introduceți cele 6 cifre din mesajul pe care vi l-am trimis",
      cy: "Rhowch y 6 digid o'r neges a anfonwyd atoch" },
    // errors, and what the service's problem codes mean to a parent
    "problem": { en: "There is a problem", pl: "Wystąpił problem", ur: "ایک مسئلہ ہے", ro: "Există o problemă", cy: "Mae problem" },
    "sending": { en: "Sending...", pl: "Wysyłanie...", ur: "بھیجا جا رہا ہے...", ro: "Se trimite...", cy: "Yn anfon..." },
    "error.network": { en: "This form could not reach the school's attendance service from this page. Please contact the school office.",
      pl: "Ten formularz nie mógł połączyć się z systemem obecności szkoły z tej strony. Skontaktuj się z sekretariatem szkoły.",
      ur: "یہ فارم اس صفحے سے اسکول کی حاضری سروس تک نہیں پہنچ سکا۔ براہ کرم اسکول کے دفتر سے رابطہ کریں۔",
      ro: "Acest formular nu a putut ajunge la serviciul de prezență al școlii de pe această pagină. Vă rugăm să contactați secretariatul școlii.",
      cy: "Nid oedd y ffurflen hon yn gallu cyrraedd gwasanaeth presenoldeb yr ysgol o'r dudalen hon. Cysylltwch â swyddfa'r ysgol." },
    "error.server": { en: "Something went wrong. Please try again, or contact the school office.",
      pl: "Coś poszło nie tak. Spróbuj ponownie lub skontaktuj się z sekretariatem szkoły.",
      ur: "کچھ غلط ہو گیا۔ براہ کرم دوبارہ کوشش کریں، یا اسکول کے دفتر سے رابطہ کریں۔",
      ro: "Ceva nu a mers bine. Încercați din nou sau contactați secretariatul școlii.",
      cy: "Aeth rhywbeth o'i le. Rhowch gynnig arall arni, neu cysylltwch â swyddfa'r ysgol." },
    "error.checkField": { en: "Check the answer to “{label}”", pl: "Sprawdź odpowiedź w polu „{label}”", ur: "“{label}” کا جواب دیکھیں",
      ro: "Verificați răspunsul la „{label}”", cy: "Gwiriwch yr ateb i “{label}”" },
    "error.CODE_NOT_VALID": { en: "That code is not right, has expired or was already used. Check it, or reload the page to ask for a new one.",
      pl: "Ten kod jest błędny, wygasł lub został już użyty. Sprawdź go lub odśwież stronę, aby poprosić o nowy.",
      ur: "یہ کوڈ درست نہیں، اس کی مدت ختم ہو گئی ہے یا یہ پہلے استعمال ہو چکا ہے۔ اسے دیکھیں، یا نیا کوڈ لینے کے لیے صفحہ دوبارہ کھولیں۔",
      ro: "Codul nu este corect, a expirat sau a fost deja folosit. Verificați-l sau reîncărcați pagina pentru a cere unul nou.",
      cy: "Nid yw'r cod hwnnw'n gywir, mae wedi dod i ben neu mae wedi'i ddefnyddio'n barod. Gwiriwch ef, neu ail-lwythwch y dudalen i ofyn am un newydd." },
    "error.TOO_MANY_CODES": { en: "Too many codes have been asked for. Wait an hour, or call the school office.",
      pl: "Poproszono o zbyt wiele kodów. Odczekaj godzinę lub zadzwoń do sekretariatu szkoły.",
      ur: "بہت زیادہ کوڈ مانگے گئے ہیں۔ ایک گھنٹہ انتظار کریں، یا اسکول کے دفتر کو فون کریں۔",
      ro: "Au fost cerute prea multe coduri. Așteptați o oră sau sunați la secretariatul școlii.",
      cy: "Gofynnwyd am ormod o godau. Arhoswch awr, neu ffoniwch swyddfa'r ysgol." },
    "error.NOT_YOUR_CHILD": { en: "Choose one of your own children at this school.", pl: "Wybierz jedno ze swoich dzieci w tej szkole.",
      ur: "اس اسکول میں اپنے بچوں میں سے کسی ایک کو منتخب کریں۔", ro: "Alegeți unul dintre copiii dvs. de la această școală.",
      cy: "Dewiswch un o'ch plant eich hun yn yr ysgol hon." },
    "and": { en: " and ", pl: " i ", ur: " اور ", ro: " și ", cy: " a " },
    "listSeparator": { en: ", ", pl: ", ", ur: "، ", ro: ", ", cy: ", " },

    // the absence form
    "absence.title": { en: "Report an absence", pl: "Zgłoś nieobecność", ur: "غیر حاضری کی اطلاع دیں", ro: "Anunțați o absență", cy: "Rhoi gwybod am absenoldeb" },
    "absence.intro": { en: "Tell the school your child is not coming in. First we check it is you.",
      pl: "Poinformuj szkołę, że Twoje dziecko nie przyjdzie. Najpierw sprawdzimy, że to Ty.",
      ur: "اسکول کو بتائیں کہ آپ کا بچہ نہیں آ رہا۔ پہلے ہم تصدیق کرتے ہیں کہ یہ آپ ہی ہیں۔",
      ro: "Spuneți școlii că copilul dvs. nu vine. Mai întâi verificăm că sunteți dvs.",
      cy: "Rhowch wybod i'r ysgol nad yw eich plentyn yn dod i mewn. Yn gyntaf rydym yn gwirio mai chi sydd yno." },
    "absence.details": { en: "Which children, when and why?", pl: "Które dzieci, kiedy i dlaczego?", ur: "کون سے بچے، کب اور کیوں؟",
      ro: "Ce copii, când și de ce?", cy: "Pa blant, pryd a pham?" },
    "absence.children": { en: "Which children are absent?", pl: "Które dzieci będą nieobecne?", ur: "کون سے بچے غیر حاضر ہیں؟", ro: "Ce copii lipsesc?",
      cy: "Pa blant sy'n absennol?" },
    "absence.childrenHint": { en: "Choose all that apply.", pl: "Zaznacz wszystkie, których to dotyczy.", ur: "جو لاگو ہوں وہ سب منتخب کریں۔",
      ro: "Alegeți toate variantele potrivite.", cy: "Dewiswch bob un sy'n berthnasol." },
    "absence.childMissing": { en: "Choose which child is absent", pl: "Wybierz, które dziecko będzie nieobecne", ur: "منتخب کریں کہ کون سا بچہ غیر حاضر ہے",
      ro: "Alegeți care copil lipsește", cy: "Dewiswch pa blentyn sy'n absennol" },
    "absence.when": { en: "When", pl: "Kiedy", ur: "کب", ro: "Când", cy: "Pryd" },
    "absence.firstDate": { en: "First day of absence", pl: "Pierwszy dzień nieobecności", ur: "غیر حاضری کا پہلا دن", ro: "Prima zi de absență",
      cy: "Diwrnod cyntaf yr absenoldeb" },
    "absence.firstPart": { en: "On the first day", pl: "W pierwszym dniu", ur: "پہلے دن", ro: "În prima zi", cy: "Ar y diwrnod cyntaf" },
    "absence.lastDate": { en: "Last day of absence", pl: "Ostatni dzień nieobecności", ur: "غیر حاضری کا آخری دن", ro: "Ultima zi de absență",
      cy: "Diwrnod olaf yr absenoldeb" },
    "absence.lastDateHint": { en: "Leave empty if it is just one day.", pl: "Zostaw puste, jeśli to tylko jeden dzień.", ur: "اگر صرف ایک دن ہے تو خالی چھوڑ دیں۔",
      ro: "Lăsați gol dacă este o singură zi.", cy: "Gadewch yn wag os mai dim ond un diwrnod ydyw." },
    "absence.lastPart": { en: "On the last day", pl: "W ostatnim dniu", ur: "آخری دن", ro: "În ultima zi", cy: "Ar y diwrnod olaf" },
    "absence.lastPartHint": { en: "Only if the last day is not the first.", pl: "Tylko jeśli ostatni dzień nie jest pierwszym.",
      ur: "صرف اس صورت میں جب آخری دن پہلا دن نہ ہو۔", ro: "Doar dacă ultima zi nu este prima.", cy: "Dim ond os nad y diwrnod olaf yw'r cyntaf." },
    "part.ALL": { en: "All day", pl: "Cały dzień", ur: "سارا دن", ro: "Toată ziua", cy: "Drwy'r dydd" },
    "part.AM": { en: "Morning only", pl: "Tylko rano", ur: "صرف صبح", ro: "Doar dimineața", cy: "Y bore yn unig" },
    "part.PM": { en: "Afternoon only", pl: "Tylko po południu", ur: "صرف دوپہر", ro: "Doar după-amiaza", cy: "Y prynhawn yn unig" },
    "absence.back": { en: "Expected back", pl: "Przewidywany powrót", ur: "متوقع واپسی", ro: "Revenire estimată", cy: "Disgwyl yn ôl" },
    "absence.backHint": { en: "The day your child should be back in school, if you know it.", pl: "Dzień, w którym dziecko powinno wrócić do szkoły, jeśli go znasz.",
      ur: "وہ دن جب آپ کا بچہ اسکول واپس آئے گا، اگر آپ جانتے ہیں۔", ro: "Ziua în care copilul ar trebui să revină la școală, dacă o știți.",
      cy: "Y diwrnod y dylai eich plentyn fod yn ôl yn yr ysgol, os ydych yn gwybod." },
    "absence.category": { en: "Reason", pl: "Powód", ur: "وجہ", ro: "Motiv", cy: "Rheswm" },
    "category.ILLNESS": { en: "Illness", pl: "Choroba", ur: "بیماری", ro: "Boală", cy: "Salwch" },
    "category.MEDICAL_APPOINTMENT": { en: "Medical or dental appointment", pl: "Wizyta u lekarza lub dentysty", ur: "ڈاکٹر یا دانتوں کے ڈاکٹر سے ملاقات",
      ro: "Programare la medic sau la dentist", cy: "Apwyntiad meddygol neu ddeintyddol" },
    "category.RELIGIOUS_OBSERVANCE": { en: "Religious observance", pl: "Święto religijne", ur: "مذہبی تہوار یا عبادت", ro: "Sărbătoare religioasă",
      cy: "Gŵyl neu ddefod grefyddol" },
    "category.LATE_ARRIVAL": { en: "Coming in late", pl: "Spóźnienie", ur: "دیر سے آنا", ro: "Vine mai târziu", cy: "Dod i mewn yn hwyr" },
    "category.OTHER": { en: "Something else", pl: "Coś innego", ur: "کچھ اور", ro: "Altceva", cy: "Rhywbeth arall" },
    "absence.reason": { en: "Tell us a little more", pl: "Napisz nam trochę więcej", ur: "ہمیں تھوڑا اور بتائیں", ro: "Spuneți-ne mai multe",
      cy: "Dywedwch ychydig mwy wrthym" },
    "absence.reasonHint": { en: "For example: a temperature, or the dentist at 10am. Up to 1,000 characters.",
      pl: "Na przykład: gorączka albo dentysta o 10:00. Do 1000 znaków.", ur: "مثال کے طور پر: بخار، یا صبح 10 بجے دانتوں کا ڈاکٹر۔ زیادہ سے زیادہ 1,000 حروف۔",
      ro: "De exemplu: febră sau dentistul la ora 10. Cel mult 1.000 de caractere.", cy: "Er enghraifft: gwres, neu'r deintydd am 10am. Hyd at 1,000 o nodau." },
    "absence.reasonMissing": { en: "Tell us briefly why your child is absent", pl: "Napisz krótko, dlaczego dziecko będzie nieobecne",
      ur: "مختصر بتائیں کہ آپ کا بچہ کیوں غیر حاضر ہے", ro: "Spuneți-ne pe scurt de ce lipsește copilul", cy: "Dywedwch yn fyr pam mae eich plentyn yn absennol" },
    "absence.evidenceLegend": { en: "Evidence", pl: "Dowód", ur: "ثبوت", ro: "Dovadă", cy: "Tystiolaeth" },
    "absence.evidenceHint": { en: "Tick if you will show the school something later.", pl: "Zaznacz, jeśli pokażesz szkole coś później.",
      ur: "اگر آپ بعد میں اسکول کو کچھ دکھائیں گے تو نشان لگائیں۔", ro: "Bifați dacă veți arăta ceva școlii mai târziu.",
      cy: "Ticiwch os byddwch yn dangos rhywbeth i'r ysgol yn nes ymlaen." },
    "absence.evidence": { en: "I will bring an appointment card or letter", pl: "Przyniosę kartę wizyty lub zaświadczenie", ur: "میں ملاقات کا کارڈ یا خط لاؤں گا/گی",
      ro: "Voi aduce o fișă de programare sau o scrisoare", cy: "Byddaf yn dod â cherdyn apwyntiad neu lythyr" },
    "absence.send": { en: "Send", pl: "Wyślij", ur: "بھیجیں", ro: "Trimiteți", cy: "Anfon" },
    "absence.firstMissing": { en: "Enter the first day of absence", pl: "Wpisz pierwszy dzień nieobecności", ur: "غیر حاضری کا پہلا دن درج کریں",
      ro: "Introduceți prima zi de absență", cy: "Rhowch ddiwrnod cyntaf yr absenoldeb" },
    "absence.firstPartMany": { en: "For more than one day, the first day is all day or afternoon only",
      pl: "Przy więcej niż jednym dniu pierwszy dzień to cały dzień lub tylko popołudnie",
      ur: "ایک سے زیادہ دن کے لیے، پہلا دن سارا دن یا صرف دوپہر ہوتا ہے", ro: "Pentru mai multe zile, prima zi este toată ziua sau doar după-amiaza",
      cy: "Am fwy nag un diwrnod, mae'r diwrnod cyntaf drwy'r dydd neu'r prynhawn yn unig" },
    "absence.lastPartMany": { en: "For more than one day, the last day is all day or morning only",
      pl: "Przy więcej niż jednym dniu ostatni dzień to cały dzień lub tylko rano",
      ur: "ایک سے زیادہ دن کے لیے، آخری دن سارا دن یا صرف صبح ہوتا ہے", ro: "Pentru mai multe zile, ultima zi este toată ziua sau doar dimineața",
      cy: "Am fwy nag un diwrnod, mae'r diwrnod olaf drwy'r dydd neu'r bore yn unig" },
    "absence.error.lastDate": { en: "The last day must be on or after the first day", pl: "Ostatni dzień musi być taki sam jak pierwszy lub późniejszy",
      ur: "آخری دن پہلے دن کے برابر یا اس کے بعد ہونا چاہیے", ro: "Ultima zi trebuie să fie aceeași cu prima zi sau după ea",
      cy: "Rhaid i'r diwrnod olaf fod ar y diwrnod cyntaf neu ar ei ôl" },
    "absence.error.lastSession": { en: "On one day, an absence from the afternoon cannot end that morning",
      pl: "W jednym dniu nieobecność od popołudnia nie może kończyć się rano", ur: "ایک ہی دن میں، دوپہر سے شروع ہونے والی غیر حاضری اسی صبح ختم نہیں ہو سکتی",
      ro: "În aceeași zi, o absență care începe după-amiaza nu se poate termina dimineața",
      cy: "Ar un diwrnod, ni all absenoldeb sy'n dechrau yn y prynhawn orffen y bore hwnnw" },
    "absence.error.firstDate": { en: "The first day must be within the last 14 days. For older absences, call the school office",
      pl: "Pierwszy dzień musi przypadać w ciągu ostatnich 14 dni. W sprawie starszych nieobecności zadzwoń do sekretariatu",
      ur: "پہلا دن پچھلے 14 دنوں کے اندر ہونا چاہیے۔ پرانی غیر حاضری کے لیے اسکول کے دفتر کو فون کریں",
      ro: "Prima zi trebuie să fie în ultimele 14 zile. Pentru absențe mai vechi, sunați la secretariat",
      cy: "Rhaid i'r diwrnod cyntaf fod o fewn y 14 diwrnod diwethaf. Am absenoldebau hŷn, ffoniwch swyddfa'r ysgol" },
    "absence.error.expectedReturn": { en: "Expected back must be after the last day of absence",
      pl: "Data powrotu musi być późniejsza niż ostatni dzień nieobecności", ur: "متوقع واپسی غیر حاضری کے آخری دن کے بعد ہونی چاہیے",
      ro: "Data revenirii trebuie să fie după ultima zi de absență", cy: "Rhaid i'r dyddiad disgwyl yn ôl fod ar ôl diwrnod olaf yr absenoldeb" },
    "absence.doneTitle": { en: "Thank you", pl: "Dziękujemy", ur: "شکریہ", ro: "Vă mulțumim", cy: "Diolch" },
    "absence.doneText": { en: "We have recorded the absence of {names} from {date}. You do not need to phone as well.",
      pl: "Zapisaliśmy nieobecność: {names}, od {date}. Nie musisz już dzwonić.",
      ur: "ہم نے {date} سے {names} کی غیر حاضری درج کر لی ہے۔ آپ کو فون کرنے کی ضرورت نہیں۔",
      ro: "Am înregistrat absența pentru {names} începând cu {date}. Nu mai este nevoie să sunați.",
      cy: "Rydym wedi cofnodi absenoldeb {names} o {date}. Does dim angen i chi ffonio hefyd." },
    "absence.doneReference": { en: "Your reference: {references}.", pl: "Numer zgłoszenia: {references}.", ur: "آپ کا حوالہ نمبر: {references}۔",
      ro: "Referința dvs.: {references}.", cy: "Eich cyfeirnod: {references}." },
    "absence.doneEvidence": { en: "Please bring the appointment card or letter to the school office.",
      pl: "Prosimy przynieść kartę wizyty lub zaświadczenie do sekretariatu szkoły.", ur: "براہ کرم ملاقات کا کارڈ یا خط اسکول کے دفتر میں لائیں۔",
      ro: "Vă rugăm să aduceți fișa de programare sau scrisoarea la secretariatul școlii.", cy: "Dewch â'r cerdyn apwyntiad neu'r llythyr i swyddfa'r ysgol." },

    // the leave form
    "leave.title": { en: "Ask for leave of absence", pl: "Poproś o zwolnienie z zajęć", ur: "غیر حاضری کی اجازت کی درخواست کریں", ro: "Cereți învoire",
      cy: "Gofyn am ganiatâd i fod yn absennol" },
    "leave.intro": { en: "Leave in term time is granted only in exceptional circumstances. The headteacher decides, and we will write to you.",
      pl: "Zwolnienie w czasie roku szkolnego jest udzielane tylko w wyjątkowych okolicznościach. Decyduje dyrektor, a my napiszemy do Ciebie.",
      ur: "تعلیمی مدت کے دوران چھٹی صرف غیر معمولی حالات میں دی جاتی ہے۔ فیصلہ ہیڈ ٹیچر کرتے ہیں، اور ہم آپ کو خط لکھیں گے۔",
      ro: "Învoirea în timpul semestrului se acordă doar în circumstanțe excepționale. Directorul decide și vă vom scrie.",
      cy: "Dim ond mewn amgylchiadau eithriadol y rhoddir caniatâd yn ystod y tymor. Y pennaeth sy'n penderfynu, a byddwn yn ysgrifennu atoch." },
    "leave.details": { en: "Your request", pl: "Twoja prośba", ur: "آپ کی درخواست", ro: "Cererea dvs.", cy: "Eich cais" },
    "leave.child": { en: "Which child", pl: "Które dziecko", ur: "کون سا بچہ", ro: "Ce copil", cy: "Pa blentyn" },
    "leave.from": { en: "From", pl: "Od", ur: "سے", ro: "De la", cy: "O" },
    "leave.firstDate": { en: "First day", pl: "Pierwszy dzień", ur: "پہلا دن", ro: "Prima zi", cy: "Diwrnod cyntaf" },
    "leave.starting": { en: "Starting", pl: "Początek", ur: "آغاز", ro: "Începând", cy: "Yn dechrau" },
    "leave.fromAM": { en: "from the morning", pl: "od rana", ur: "صبح سے", ro: "de dimineață", cy: "o'r bore" },
    "leave.fromPM": { en: "from the afternoon", pl: "od popołudnia", ur: "دوپہر سے", ro: "de după-amiază", cy: "o'r prynhawn" },
    "leave.until": { en: "Until", pl: "Do", ur: "تک", ro: "Până la", cy: "Tan" },
    "leave.lastDate": { en: "Last day", pl: "Ostatni dzień", ur: "آخری دن", ro: "Ultima zi", cy: "Diwrnod olaf" },
    "leave.ending": { en: "Ending", pl: "Koniec", ur: "اختتام", ro: "Terminând", cy: "Yn gorffen" },
    "leave.toPM": { en: "to the end of the day", pl: "do końca dnia", ur: "دن کے آخر تک", ro: "până la sfârșitul zilei", cy: "tan ddiwedd y dydd" },
    "leave.toAM": { en: "to the end of the morning", pl: "do końca przedpołudnia", ur: "صبح کے آخر تک", ro: "până la sfârșitul dimineții", cy: "tan ddiwedd y bore" },
    "leave.ground": { en: "Why leave is needed", pl: "Dlaczego potrzebne jest zwolnienie", ur: "چھٹی کیوں چاہیے", ro: "De ce este nevoie de învoire",
      cy: "Pam mae angen caniatâd" },
    "ground.EXCEPTIONAL_CIRCUMSTANCES": { en: "Exceptional circumstances", pl: "Wyjątkowe okoliczności", ur: "غیر معمولی حالات", ro: "Circumstanțe excepționale",
      cy: "Amgylchiadau eithriadol" },
    "ground.PERFORMANCE_OR_EMPLOYMENT_ABROAD": { en: "A performance or employment abroad (with a licence)", pl: "Występ lub praca za granicą (z licencją)",
      ur: "بیرون ملک پرفارمنس یا ملازمت (لائسنس کے ساتھ)", ro: "Un spectacol sau un loc de muncă în străinătate (cu licență)",
      cy: "Perfformiad neu waith dramor (gyda thrwydded)" },
    "ground.INTERVIEW": { en: "An interview (school, college, apprenticeship or job)", pl: "Rozmowa kwalifikacyjna (szkoła, college, praktyka lub praca)",
      ur: "انٹرویو (اسکول، کالج، اپرنٹس شپ یا نوکری)", ro: "Un interviu (școală, colegiu, ucenicie sau loc de muncă)",
      cy: "Cyfweliad (ysgol, coleg, prentisiaeth neu swydd)" },
    "ground.STUDY_LEAVE": { en: "Study leave", pl: "Urlop na naukę", ur: "مطالعہ کی چھٹی", ro: "Concediu de studiu", cy: "Absenoldeb astudio" },
    "ground.PART_TIME_TIMETABLE": { en: "A part-time timetable", pl: "Niepełny plan zajęć", ur: "جز وقتی ٹائم ٹیبل", ro: "Un orar cu program redus",
      cy: "Amserlen ran-amser" },
    "ground.RELIGIOUS_OBSERVANCE": { en: "A day of religious observance", pl: "Dzień święta religijnego", ur: "مذہبی عبادت کا دن",
      ro: "O zi de sărbătoare religioasă", cy: "Diwrnod o ddefod grefyddol" },
    "ground.PARENT_TRAVELLING_FOR_WORK": { en: "Travelling with a parent for their work", pl: "Podróż z rodzicem w związku z jego pracą",
      ur: "والدین کے ساتھ ان کے کام کے سلسلے میں سفر", ro: "Călătorie cu un părinte pentru munca acestuia", cy: "Teithio gyda rhiant ar gyfer ei waith" },
    "leave.festival": { en: "The festival or day", pl: "Święto lub dzień", ur: "تہوار یا دن", ro: "Sărbătoarea sau ziua", cy: "Yr ŵyl neu'r diwrnod" },
    "leave.festivalHint": { en: "For religious observance only.", pl: "Tylko w przypadku święta religijnego.", ur: "صرف مذہبی عبادت کے لیے۔",
      ro: "Doar pentru sărbători religioase.", cy: "Ar gyfer defodau crefyddol yn unig." },
    "leave.reason": { en: "Tell the headteacher more", pl: "Napisz więcej dyrektorowi", ur: "ہیڈ ٹیچر کو مزید بتائیں", ro: "Spuneți-i directorului mai multe",
      cy: "Dywedwch fwy wrth y pennaeth" },
    "leave.documents": { en: "Supporting documents", pl: "Dokumenty uzupełniające", ur: "معاون دستاویزات", ro: "Documente justificative", cy: "Dogfennau ategol" },
    "leave.documentsHint": { en: "Optional. PDF, JPEG or PNG, up to 4 MB each.", pl: "Opcjonalnie. PDF, JPEG lub PNG, do 4 MB każdy.",
      ur: "اختیاری۔ PDF، JPEG یا PNG، ہر ایک زیادہ سے زیادہ 4 MB۔", ro: "Opțional. PDF, JPEG sau PNG, cel mult 4 MB fiecare.",
      cy: "Dewisol. PDF, JPEG neu PNG, hyd at 4 MB yr un." },
    "leave.send": { en: "Send request", pl: "Wyślij prośbę", ur: "درخواست بھیجیں", ro: "Trimiteți cererea", cy: "Anfon y cais" },
    "leave.firstMissing": { en: "Enter the first day of leave", pl: "Wpisz pierwszy dzień zwolnienia", ur: "چھٹی کا پہلا دن درج کریں",
      ro: "Introduceți prima zi de învoire", cy: "Rhowch ddiwrnod cyntaf yr absenoldeb" },
    "leave.lastMissing": { en: "Enter the last day of leave", pl: "Wpisz ostatni dzień zwolnienia", ur: "چھٹی کا آخری دن درج کریں",
      ro: "Introduceți ultima zi de învoire", cy: "Rhowch ddiwrnod olaf yr absenoldeb" },
    "leave.reasonMissing": { en: "Tell the headteacher why the leave is needed", pl: "Napisz dyrektorowi, dlaczego zwolnienie jest potrzebne",
      ur: "ہیڈ ٹیچر کو بتائیں کہ چھٹی کیوں چاہیے", ro: "Spuneți-i directorului de ce este nevoie de învoire",
      cy: "Dywedwch wrth y pennaeth pam mae angen yr absenoldeb" },
    "leave.error.festival": { en: "Name the festival or day of religious observance, for example Eid al-Fitr",
      pl: "Podaj nazwę święta lub dnia religijnego, np. Id al-Fitr", ur: "تہوار یا مذہبی دن کا نام لکھیں، جیسے عید الفطر",
      ro: "Scrieți numele sărbătorii sau al zilei religioase, de exemplu Eid al-Fitr", cy: "Enwch yr ŵyl neu'r diwrnod crefyddol, er enghraifft Eid al-Fitr" },
    "leave.doneTitle": { en: "Request sent", pl: "Prośba wysłana", ur: "درخواست بھیج دی گئی", ro: "Cerere trimisă", cy: "Cais wedi'i anfon" },
    "leave.doneText": { en: "Your request for {name} ({days} school days from {date}) has been sent to the headteacher. We will write to you with the decision.",
      pl: "Twoja prośba dotycząca: {name} (dni szkolne: {days}, od {date}) została wysłana do dyrektora. Napiszemy do Ciebie z decyzją.",
      ur: "{name} کے لیے آپ کی درخواست ({date} سے {days} اسکول کے دن) ہیڈ ٹیچر کو بھیج دی گئی ہے۔ ہم فیصلے کے بارے میں آپ کو لکھیں گے۔",
      ro: "Cererea dvs. pentru {name} ({days} zile de școală începând cu {date}) a fost trimisă directorului. Vă vom scrie cu decizia.",
      cy: "Mae eich cais ar gyfer {name} ({days} diwrnod ysgol o {date}) wedi'i anfon at y pennaeth. Byddwn yn ysgrifennu atoch gyda'r penderfyniad." },

    // "my child's attendance" (attendance-view.js); the marks and statuses the service words in English are worded here
    // by their code (counts.*, reportStatus.*, leaveStatus.*) in the other languages, English keeping the service's own
    "view.title": { en: "Your child's attendance", pl: "Frekwencja Twojego dziecka", ur: "آپ کے بچے کی حاضری", ro: "Prezența copilului dvs.",
      cy: "Presenoldeb eich plentyn" },
    "view.intro": { en: "See your children's attendance, letters and messages from the school. First we check it is you.",
      pl: "Zobacz frekwencję swoich dzieci oraz listy i wiadomości ze szkoły. Najpierw sprawdzimy, że to Ty.",
      ur: "اپنے بچوں کی حاضری، اور اسکول کے خطوط اور پیغامات دیکھیں۔ پہلے ہم تصدیق کریں گے کہ یہ آپ ہی ہیں۔",
      ro: "Vedeți prezența copiilor dvs., scrisorile și mesajele de la școală. Mai întâi verificăm că sunteți dvs.",
      cy: "Gwelwch bresenoldeb eich plant, a llythyrau a negeseuon gan yr ysgol. Yn gyntaf rydym yn gwirio mai chi sydd yno." },
    "view.heading": { en: "Your children's attendance", pl: "Frekwencja Twoich dzieci", ur: "آپ کے بچوں کی حاضری", ro: "Prezența copiilor dvs.",
      cy: "Presenoldeb eich plant" },
    "view.loading": { en: "Loading...", pl: "Wczytywanie...", ur: "لوڈ ہو رہا ہے...", ro: "Se încarcă...", cy: "Yn llwytho..." },
    "view.percent": { en: "Attendance this year: {percent}", pl: "Frekwencja w tym roku: {percent}", ur: "اس سال کی حاضری: {percent}",
      ro: "Prezența în acest an: {percent}", cy: "Presenoldeb eleni: {percent}" },
    "view.noSessions": { en: "no sessions yet", pl: "jeszcze brak lekcji", ur: "ابھی کوئی سیشن نہیں", ro: "încă nicio sesiune", cy: "dim sesiynau eto" },
    "view.how": { en: "Worked out the way the Department for Education asks schools to: sessions attended out of sessions possible (a morning or an afternoon is one session).",
      pl: "Obliczone tak, jak Ministerstwo Edukacji (Department for Education) wymaga od szkół: obecności na możliwych sesjach (ranek lub popołudnie to jedna sesja).",
      ur: "جس طرح محکمہ تعلیم (Department for Education) اسکولوں سے کہتا ہے: ممکنہ سیشنز میں سے حاضر سیشنز (صبح یا دوپہر ایک سیشن ہے)۔",
      ro: "Calculată cum cere Ministerul Educației (Department for Education): sesiuni prezente din sesiunile posibile (o dimineață sau o după-amiază este o sesiune).",
      cy: "Wedi'i gyfrif fel y mae'r Adran Addysg (Department for Education) yn gofyn i ysgolion: sesiynau a fynychwyd allan o'r sesiynau posibl (mae bore neu brynhawn yn un sesiwn)." },
    "view.possible": { en: "Sessions possible", pl: "Możliwe sesje", ur: "ممکنہ سیشن", ro: "Sesiuni posibile", cy: "Sesiynau posibl" },
    "view.attended": { en: "Sessions attended", pl: "Sesje obecne", ur: "حاضر سیشن", ro: "Sesiuni prezente", cy: "Sesiynau a fynychwyd" },
    "view.authorised": { en: "Authorised absence (sessions)", pl: "Nieobecność usprawiedliwiona (sesje)", ur: "منظور شدہ غیر حاضری (سیشن)",
      ro: "Absență motivată (sesiuni)", cy: "Absenoldeb awdurdodedig (sesiynau)" },
    "view.unauthorised": { en: "Unauthorised absence (sessions)", pl: "Nieobecność nieusprawiedliwiona (sesje)", ur: "غیر منظور شدہ غیر حاضری (سیشن)",
      ro: "Absență nemotivată (sesiuni)", cy: "Absenoldeb heb ei awdurdodi (sesiynau)" },
    "view.lates": { en: "Late, counted as unauthorised absence (sessions)", pl: "Spóźnienie liczone jako nieobecność nieusprawiedliwiona (sesje)",
      ur: "تاخیر، غیر منظور شدہ غیر حاضری شمار (سیشن)", ro: "Întârziere, socotită absență nemotivată (sesiuni)",
      cy: "Hwyr, wedi'i gyfrif fel absenoldeb heb ei awdurdodi (sesiynau)" },
    "view.weekCaption": { en: "This week so far (from {date}), with a bar of sessions attended each day",
      pl: "Ten tydzień do dziś (od {date}), z paskiem sesji obecnych każdego dnia", ur: "اس ہفتے اب تک ({date} سے)، ہر دن کے حاضر سیشنز کی پٹی کے ساتھ",
      ro: "Săptămâna aceasta până acum (de la {date}), cu o bară a sesiunilor prezente în fiecare zi",
      cy: "Yr wythnos hon hyd yma (o {date}), gyda bar o'r sesiynau a fynychwyd bob dydd" },
    "view.day": { en: "Day", pl: "Dzień", ur: "دن", ro: "Ziua", cy: "Diwrnod" },
    "view.morning": { en: "Morning", pl: "Rano", ur: "صبح", ro: "Dimineața", cy: "Bore" },
    "view.afternoon": { en: "Afternoon", pl: "Po południu", ur: "دوپہر", ro: "După-amiaza", cy: "Prynhawn" },
    "view.sessionsAttended": { en: "Sessions attended", pl: "Sesje obecne", ur: "حاضر سیشن", ro: "Sesiuni prezente", cy: "Sesiynau a fynychwyd" },
    "view.noRegisters": { en: "No registers taken yet this week.", pl: "W tym tygodniu nie sprawdzono jeszcze obecności.",
      ur: "اس ہفتے ابھی تک کوئی حاضری نہیں لی گئی۔", ro: "Nu s-a făcut încă prezența săptămâna aceasta.", cy: "Dim cofrestrau wedi'u cymryd eto'r wythnos hon." },
    "view.notTaken": { en: "Not taken yet", pl: "Jeszcze nie sprawdzono", ur: "ابھی نہیں لی گئی", ro: "Încă nefăcută", cy: "Heb ei chymryd eto" },
    "view.minutesLate": { en: " ({minutes} minutes late)", pl: " (spóźnienie: {minutes} min)", ur: " ({minutes} منٹ تاخیر)", ro: " ({minutes} minute întârziere)",
      cy: " ({minutes} munud yn hwyr)" },
    "view.ofSessions": { en: "{attended} of {possible}", pl: "{attended} z {possible}", ur: "{possible} میں سے {attended}", ro: "{attended} din {possible}",
      cy: "{attended} o {possible}" },
    "view.noneCounted": { en: "None counted", pl: "Nic nie liczono", ur: "کچھ شمار نہیں", ro: "Nimic socotit", cy: "Dim wedi'u cyfrif" },
    "view.letters": { en: "Letters from the school", pl: "Listy ze szkoły", ur: "اسکول کے خطوط", ro: "Scrisori de la școală", cy: "Llythyrau gan yr ysgol" },
    "view.noLetters": { en: "No letters have been sent to you.", pl: "Nie wysłano do Ciebie żadnych listów.", ur: "آپ کو کوئی خط نہیں بھیجا گیا۔",
      ro: "Nu v-a fost trimisă nicio scrisoare.", cy: "Nid oes unrhyw lythyrau wedi'u hanfon atoch." },
    "view.messages": { en: "Texts and emails from the school", pl: "SMS-y i e-maile ze szkoły", ur: "اسکول کے ٹیکسٹ اور ای میلز",
      ro: "SMS-uri și e-mailuri de la școală", cy: "Negeseuon testun ac e-byst gan yr ysgol" },
    "view.noMessages": { en: "No messages yet.", pl: "Jeszcze brak wiadomości.", ur: "ابھی کوئی پیغام نہیں۔", ro: "Încă niciun mesaj.", cy: "Dim negeseuon eto." },
    "view.reports": { en: "Absences you told us about", pl: "Zgłoszone przez Ciebie nieobecności", ur: "غیر حاضریاں جن کے بارے میں آپ نے بتایا",
      ro: "Absențe despre care ne-ați spus", cy: "Absenoldebau y dywedoch wrthym amdanynt" },
    "view.noReports": { en: "No absence reports.", pl: "Brak zgłoszeń nieobecności.", ur: "غیر حاضری کی کوئی اطلاع نہیں۔", ro: "Nicio absență anunțată.",
      cy: "Dim adroddiadau absenoldeb." },
    "view.leave": { en: "Leave requests", pl: "Prośby o zwolnienie", ur: "چھٹی کی درخواستیں", ro: "Cereri de învoire", cy: "Ceisiadau am absenoldeb" },
    "view.noLeave": { en: "No leave requests.", pl: "Brak próśb o zwolnienie.", ur: "چھٹی کی کوئی درخواست نہیں۔", ro: "Nicio cerere de învoire.",
      cy: "Dim ceisiadau am absenoldeb." },
    "view.aLetter": { en: "A letter", pl: "List", ur: "ایک خط", ro: "O scrisoare", cy: "Llythyr" },
    "view.sent": { en: ", sent {date}", pl: ", wysłano {date}", ur: "، {date} کو بھیجا گیا", ro: ", trimisă {date}", cy: ", anfonwyd {date}" },
    "view.openLetter": { en: "Open the letter (PDF)", pl: "Otwórz list (PDF)", ur: "خط کھولیں (PDF)", ro: "Deschideți scrisoarea (PDF)", cy: "Agor y llythyr (PDF)" },
    "view.letterFailed": { en: "The letter could not be opened. Please ask the school office for a copy.",
      pl: "Nie udało się otworzyć listu. Poproś sekretariat szkoły o kopię.", ur: "خط نہیں کھل سکا۔ براہ کرم اسکول آفس سے کاپی مانگیں۔",
      ro: "Scrisoarea nu a putut fi deschisă. Cereți o copie secretariatului școlii.", cy: "Nid oedd modd agor y llythyr. Gofynnwch i swyddfa'r ysgol am gopi." },
    "view.email": { en: "Email", pl: "E-mail", ur: "ای میل", ro: "E-mail", cy: "E-bost" },
    "view.text": { en: "Text", pl: "SMS", ur: "ٹیکسٹ", ro: "SMS", cy: "Neges destun" },
    "view.reference": { en: "Reference {reference}: ", pl: "Numer {reference}: ", ur: "حوالہ {reference}: ", ro: "Referința {reference}: ", cy: "Cyfeirnod {reference}: " },
    "view.to": { en: " to ", pl: " do ", ur: " تا ", ro: " până la ", cy: " i " },
    "counts.PRESENT": { en: "Present", pl: "Obecność", ur: "حاضر", ro: "Prezent", cy: "Yn bresennol" },
    "counts.APPROVED_EDUCATIONAL_ACTIVITY": { en: "At an approved educational activity (counts as present)",
      pl: "Zatwierdzone zajęcia edukacyjne poza szkołą (liczy się jako obecność)", ur: "منظور شدہ تعلیمی سرگرمی میں (حاضر شمار)",
      ro: "La o activitate educațională aprobată (socotit prezent)", cy: "Mewn gweithgaredd addysgol cymeradwy (yn cyfrif fel presennol)" },
    "counts.AUTHORISED_ABSENCE": { en: "Absent (authorised)", pl: "Nieobecność (usprawiedliwiona)", ur: "غیر حاضر (منظور شدہ)", ro: "Absent (motivat)",
      cy: "Yn absennol (awdurdodedig)" },
    "counts.UNAUTHORISED_ABSENCE": { en: "Absent (unauthorised)", pl: "Nieobecność (nieusprawiedliwiona)", ur: "غیر حاضر (غیر منظور شدہ)",
      ro: "Absent (nemotivat)", cy: "Yn absennol (heb ei awdurdodi)" },
    "counts.UNABLE_TO_ATTEND": { en: "Unable to attend", pl: "Nie mógł(a) przyjść", ur: "حاضر ہونے سے قاصر", ro: "Nu a putut participa", cy: "Methu mynychu" },
    "counts.ADMINISTRATIVE": { en: "Not required in school", pl: "Obecność nie była wymagana", ur: "اسکول میں حاضری ضروری نہیں",
      ro: "Prezența nu era necesară", cy: "Dim angen bod yn yr ysgol" },
    "counts.NOT_COUNTED": { en: "Not counted", pl: "Nie liczy się", ur: "شمار نہیں", ro: "Nu se socotește", cy: "Heb ei gyfrif" },
    "counts.unknown": { en: "A mark the school office can explain", pl: "Oznaczenie, które wyjaśni sekretariat szkoły", ur: "ایک نشان جس کی وضاحت اسکول آفس کر سکتا ہے",
      ro: "Un marcaj pe care secretariatul școlii îl poate explica", cy: "Marc y gall swyddfa'r ysgol ei egluro" },
    "reportStatus.RECEIVED": { en: "Received by the school office", pl: "Otrzymane przez sekretariat szkoły", ur: "اسکول آفس کو موصول ہو گئی",
      ro: "Primită de secretariatul școlii", cy: "Wedi'i dderbyn gan swyddfa'r ysgol" },
    "reportStatus.RECORDED": { en: "Recorded on the register", pl: "Zapisane w dzienniku", ur: "رجسٹر میں درج کر لی گئی", ro: "Trecută în catalog",
      cy: "Wedi'i gofnodi ar y gofrestr" },
    "reportStatus.NEEDS_EVIDENCE": { en: "Received; the school needs evidence, such as an appointment card or a prescription",
      pl: "Otrzymane; szkoła potrzebuje dowodu, np. karty wizyty lub recepty", ur: "موصول ہو گئی؛ اسکول کو ثبوت چاہیے، جیسے اپوائنٹمنٹ کارڈ یا نسخہ",
      ro: "Primită; școala are nevoie de o dovadă, de exemplu o programare sau o rețetă",
      cy: "Wedi'i dderbyn; mae angen tystiolaeth ar yr ysgol, fel cerdyn apwyntiad neu bresgripsiwn" },
    "leaveStatus.RECEIVED": { en: "Received; waiting for the headteacher's decision", pl: "Otrzymana; czeka na decyzję dyrektora",
      ur: "موصول ہو گئی؛ ہیڈ ٹیچر کے فیصلے کا انتظار ہے", ro: "Primită; se așteaptă decizia directorului", cy: "Wedi'i dderbyn; yn aros am benderfyniad y pennaeth" },
    "leaveStatus.NEEDS_EVIDENCE": { en: "Received; the headteacher needs the performance licence or other evidence before deciding",
      pl: "Otrzymana; przed decyzją dyrektor potrzebuje licencji na występ lub innego dowodu",
      ur: "موصول ہو گئی؛ فیصلے سے پہلے ہیڈ ٹیچر کو پرفارمنس لائسنس یا کوئی اور ثبوت چاہیے",
      ro: "Primită; directorul are nevoie de licența pentru spectacol sau altă dovadă înainte de a decide",
      cy: "Wedi'i dderbyn; mae angen y drwydded perfformio neu dystiolaeth arall ar y pennaeth cyn penderfynu" },
    "leaveStatus.APPROVED": { en: "Approved by the headteacher", pl: "Zatwierdzona przez dyrektora", ur: "ہیڈ ٹیچر نے منظور کر لی", ro: "Aprobată de director",
      cy: "Wedi'i gymeradwyo gan y pennaeth" },
    "leaveStatus.PART_APPROVED": { en: "Part approved by the headteacher", pl: "Częściowo zatwierdzona przez dyrektora", ur: "ہیڈ ٹیچر نے جزوی طور پر منظور کی",
      ro: "Aprobată parțial de director", cy: "Wedi'i gymeradwyo'n rhannol gan y pennaeth" },
    "leaveStatus.REFUSED": { en: "Refused by the headteacher", pl: "Odrzucona przez dyrektora", ur: "ہیڈ ٹیچر نے مسترد کر دی", ro: "Refuzată de director",
      cy: "Wedi'i wrthod gan y pennaeth" },
    "leaveStatus.WITHDRAWN": { en: "Withdrawn", pl: "Wycofana", ur: "واپس لے لی گئی", ro: "Retrasă", cy: "Wedi'i dynnu'n ôl" }
  };

  var ids = 0;
  function nextId(prefix) { ids += 1; return "oa-" + prefix + "-" + ids; }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== undefined && attrs[k] !== null) { e.setAttribute(k, attrs[k]); } });
    if (text) { e.textContent = text; }
    return e;
  }

  function describedBy(input, id, on) {
    var list = (input.getAttribute("aria-describedby") || "").split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) { list.push(id); }
    if (list.length) { input.setAttribute("aria-describedby", list.join(" ")); } else { input.removeAttribute("aria-describedby"); }
  }

  /** The first of the browser's languages we have wording for, else English. */
  function browserLanguage() {
    var wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || "en"]);
    for (var i = 0; i < wanted.length; i++) {
      var primary = String(wanted[i] || "").toLowerCase().split("-")[0];
      if (LANGUAGES.some(function (l) { return l[0] === primary; })) { return primary; }
    }
    return "en";
  }

  function words(lang, key, params) {
    var entry = WORDS[key];
    var text = entry ? (entry[lang] || entry.en) : key;
    return text.replace(/\{(\w+)\}/g, function (m, name) { return params && params[name] !== undefined ? String(params[name]) : m; });
  }

  /** A mounted form's wording: every text it shows is bound to a key, so a language switch rewrites it in place. */
  function translator(initial) {
    var lang = initial;
    var bound = [];
    var t = function (key, params) { return words(lang, key, params); };
    t.lang = function () { return lang; };
    t.rtl = function () { return !!RTL[lang]; };
    /** Sets the node's text now and after each switch; {@code text} is a key or a function of the translator. */
    t.bind = function (node, text, params) {
      var fn = typeof text === "function" ? text : function () { return t(text, params); };
      node.textContent = fn(t);
      bound.push({ node: node, fn: fn });
      return node;
    };
    t.unbind = function (node) { bound = bound.filter(function (b) { return b.node !== node; }); };
    t.set = function (next) {
      lang = next;
      bound = bound.filter(function (b) { return b.node.isConnected; });
      bound.forEach(function (b) { b.node.textContent = b.fn(t); });
    };
    /** A date as the parent's language writes it (the date boxes themselves follow the browser). */
    t.date = function (iso) {
      if (!iso) { return ""; }
      var d = new Date(iso + "T12:00:00Z");
      try {
        return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
          .format(d);
      } catch (e) {
        return iso;
      }
    };
    t.list = function (items) {
      if (items.length < 2) { return items.join(""); }
      return items.slice(0, -1).join(t("listSeparator")) + t("and") + items[items.length - 1];
    };
    return t;
  }

  // Problem codes whose wording the kit knows; each form adds its own by field ("absence.error.lastDate").
  var KNOWN_CODES = { CODE_NOT_VALID: true, TOO_MANY_CODES: true, NOT_YOUR_CHILD: true };
  // the largest page the service gives (PageRequest.MAX_SIZE): a family's lists nearly always fit in one
  var LIST_PAGE = 500;

  /** A form mounted in its own shadow root on the school's page, and the calls it makes to the school's service. */
  function mount(script, options) {
    var base = new URL(script.src).origin;
    var school = script.getAttribute("data-school");
    var level = Math.min(6, Math.max(1, Number(script.getAttribute("data-heading-level")) || 2));
    var host = document.getElementById(script.getAttribute("data-target") || "")
      || script.parentNode.insertBefore(document.createElement("div"), script);
    host.setAttribute("data-open-attendance", options.name);
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    root.innerHTML = "";
    root.appendChild(el("style", {}, CSS));
    var t = translator(browserLanguage());
    var wrapper = el("div", { "class": "oa" });
    root.appendChild(wrapper);

    // The language switch sits above every step and is never redrawn, so choosing a language keeps what was typed and
    // where focus is; each option is written in its own language.
    var switchBox = el("div", { "class": "languages" });
    var languageSelect = el("select", { name: "language", id: nextId("language"), "data-role": "language" });
    var switchLabel = t.bind(el("label", { "for": languageSelect.id }), "language");
    LANGUAGES.forEach(function (l) { languageSelect.appendChild(el("option", { value: l[0], lang: l[0], dir: RTL[l[0]] ? "rtl" : "ltr" }, l[1])); });
    languageSelect.value = t.lang();
    switchBox.appendChild(switchLabel);
    switchBox.appendChild(languageSelect);
    wrapper.appendChild(switchBox);

    // One polite live region that outlives the steps, so screen readers hear "Sending..." and each new step's name;
    // sighted parents see the focused heading instead, so it is visually hidden.
    var status = el("p", { "class": "visually-hidden", role: "status", "aria-live": "polite", "data-role": "status" });
    var stage = el("div", {});
    wrapper.appendChild(status);
    wrapper.appendChild(stage);

    function direction() {
      wrapper.setAttribute("lang", t.lang());
      wrapper.setAttribute("dir", t.rtl() ? "rtl" : "ltr");
    }
    direction();

    var ui = {
      host: host,
      root: root,
      t: t,
      api: base + "/api/v1/public/schools/" + encodeURIComponent(school) + "/parent",
      state: { challenge: null, token: null },
      announce: function (key) { status.textContent = ""; setTimeout(function () { status.textContent = key ? t(key) : ""; }, 50); }
    };

    ui.language = function (lang) {
      t.set(lang);
      languageSelect.value = lang;
      direction();
    };
    var onSwitch = function () { if (languageSelect.value !== t.lang()) { ui.language(languageSelect.value); } };
    languageSelect.addEventListener("change", onSwitch);
    languageSelect.addEventListener("input", onSwitch);

    ui.send = function (method, path, body, isForm) {
      var headers = { "Accept": "application/json" };
      if (!isForm) { headers["Content-Type"] = "application/json"; }
      if (ui.state.token) { headers.Authorization = "Bearer " + ui.state.token; }
      return fetch(ui.api + path, { method: method, headers: headers, body: body ? (isForm ? body : JSON.stringify(body)) : undefined })
        .then(function (r) {
          return r.text().then(function (text) {
            var json = null;
            try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
            if (!r.ok) {
              var problem = new Error(json ? (json.detail || json.title || ("Error " + r.status))
                : "The school's service answered " + r.status + ". Please try again or contact the school office.");
              problem.fields = json && json.errors ? json.errors : [];
              problem.title = json && json.title;
              problem.code = json && json.code;
              problem.status = r.status;
              throw problem;
            }
            return json;
          });
        }, function () {
          var offline = new Error(words("en", "error.network"));
          offline.key = "error.network";
          throw offline;
        });
    };

    /**
     * Every row of one of the service's lists: each list answers a page at a time ({ items, page, size, totalItems,
     * totalPages }), so the pages after the first are asked for together once the first says how many there are.
     */
    ui.list = function (path) {
      var sep = path.indexOf("?") < 0 ? "?" : "&";
      var pageOf = function (n) { return ui.send("GET", path + sep + "size=" + LIST_PAGE + "&page=" + n); };
      return pageOf(0).then(function (first) {
        var rest = [];
        for (var n = 1; n < first.totalPages; n++) { rest.push(pageOf(n)); }
        return Promise.all(rest).then(function (pages) {
          return pages.reduce(function (all, p) { return all.concat(p.items); }, first.items.slice());
        });
      });
    };

    /**
     * What a parent reads for one error: our own checks name a key; the service's problem is mapped by its code and
     * field to wording in the parent's language. Its English detail is shown only when the form is in English and no
     * wording is known, because it is written for integrators.
     */
    function explain(problem, e, f) {
      if (e.key) { return t(e.key); }
      if (problem.key) { return t(problem.key); }
      var field = String(e.field || "").replace(/\[\d+\]$/, "");
      var alias = options.aliases && options.aliases[field];
      var candidates = [options.name.replace("-form", "") + ".error." + field, alias && options.name.replace("-form", "") + ".error." + alias,
        problem.code === "SIGN_IN_NOT_VALID" && (field === "mobile" || field === "email") ? "signIn.notValid" : null,
        KNOWN_CODES[problem.code] ? "error." + problem.code : null];
      for (var i = 0; i < candidates.length; i++) {
        if (candidates[i] && WORDS[candidates[i]]) { return t(candidates[i]); }
      }
      if (t.lang() === "en") {
        return e.message || (f && e.expected ? (problem.title ? problem.title + ". " : "") + "Expected: " + e.expected + "." : problem.message);
      }
      return f && f.label ? t("error.checkField", { label: f.label.textContent }) : t("error.server");
    }

    /** One step of the form: a heading that takes focus, an error summary announced as an alert, and the form itself. */
    ui.step = function (titleKey, introKey) {
      stage.innerHTML = "";
      var heading = t.bind(el("h" + level, { tabindex: "-1", "data-role": "heading" }), titleKey);
      stage.appendChild(heading);
      var summary = el("div", { "class": "summary", role: "alert", "data-role": "message", hidden: "hidden" });
      stage.appendChild(summary);
      [].concat(introKey || []).forEach(function (k) { stage.appendChild(t.bind(el("p", {}), k)); });
      var form = el("form", { novalidate: "novalidate", "aria-labelledby": heading.id = nextId("heading") });
      stage.appendChild(form);
      var fields = {};
      var busy = false;

      var step = { form: form, heading: heading, fields: fields };

      function hint(target, key) {
        if (!key) { return null; }
        var h = t.bind(el("span", { "class": "hint", id: nextId("hint") }), key);
        describedBy(target, h.id, true);
        return h;
      }

      /** A labelled control with an optional hint, and a place for its error tied to it. */
      step.field = function (labelKey, input, hintKey) {
        var box = el("div", { "class": "field" });
        input.id = input.id || nextId("input");
        var label = t.bind(el("label", { "for": input.id }), labelKey);
        box.appendChild(label);
        var h = hint(input, hintKey);
        if (h) { box.appendChild(h); }
        var error = el("span", { "class": "error", id: nextId("error"), hidden: "hidden" });
        box.appendChild(error);
        box.appendChild(input);
        form.appendChild(box);
        fields[input.name] = { box: box, input: input, error: error, focus: input, label: label };
        return input;
      };

      /** A select whose options are keys: their wording follows the language, their values never change. */
      step.select = function (labelKey, name, values, keyOf, hintKey) {
        var s = el("select", { name: name });
        values.forEach(function (v) { s.appendChild(t.bind(el("option", { value: v }), keyOf(v))); });
        return step.field(labelKey, s, hintKey);
      };

      /** A group of choices (checkboxes) under a legend; the error is tied to the fieldset. Labels are data or keys. */
      step.choices = function (name, legendKey, hintKey, choices, translated) {
        var set = el("fieldset", { "data-role": name });
        var legend = t.bind(el("legend", {}), legendKey);
        set.appendChild(legend);
        var h = hint(set, hintKey);
        if (h) { set.appendChild(h); }
        var error = el("span", { "class": "error", id: nextId("error"), hidden: "hidden" });
        set.appendChild(error);
        var boxes = choices.map(function (o) {
          var box = el("input", { type: "checkbox", name: name, value: o[0], id: nextId("choice") });
          var l = el("label", { "class": "choice", "for": box.id });
          l.appendChild(box);
          var words = el("span", {});
          if (translated) { t.bind(words, o[1]); } else { words.textContent = o[1]; }
          l.appendChild(words);
          set.appendChild(l);
          return box;
        });
        form.appendChild(set);
        fields[name] = { box: set, input: set, error: error, focus: boxes[0], group: boxes, label: legend };
        return boxes;
      };

      /** Fields that belong together (dates and sessions) under one legend. */
      step.group = function (legendKey) {
        var set = el("fieldset", {});
        set.appendChild(t.bind(el("legend", {}), legendKey));
        form.appendChild(set);
        var into = function (make) { return function () { var i = make.apply(null, arguments); set.appendChild(fields[i.name].box); return i; }; };
        return { field: into(step.field), select: into(step.select) };
      };

      step.button = function (key, name) { form.appendChild(t.bind(el("button", { type: "submit", name: name }), key)); };

      step.clear = function () {
        summary.hidden = true;
        summary.innerHTML = "";
        Object.keys(fields).forEach(function (k) {
          var f = fields[k];
          f.error.hidden = true;
          t.unbind(f.error);
          f.error.textContent = "";
          f.box.classList.remove("invalid");
          (f.group || [f.input]).forEach(function (i) { i.removeAttribute("aria-invalid"); });
          describedBy(f.input, f.error.id, false);
        });
      };

      /** Shows errors: each beside its field (or the step's main field), listed in the summary, focus on the first. */
      step.fail = function (problem, fallbackField) {
        step.clear();
        var list = (problem.fields && problem.fields.length ? problem.fields : [{ field: fallbackField || "" }]);
        var perField = {};
        var shown = [];
        summary.appendChild(t.bind(el("p", { "class": "summary-title" }), "problem"));
        var ul = el("ul", {});
        summary.appendChild(ul);
        list.forEach(function (e) {
          var key = String(e.field || "").replace(/\[\d+\]$/, "");
          var f = fields[key] || fields[options.aliases && options.aliases[key]] || fields[fallbackField];
          var text = function () { return explain(problem, e, f); };
          if (f) {
            var name = f.input.name || f.input.getAttribute("data-role");
            var texts = perField[name] || (perField[name] = []);
            if (texts.length === 0) { shown.push(f); }
            texts.push(text);
            // each field's error reads every message for it, once, in the current language
            t.unbind(f.error);
            t.bind(f.error, function () {
              return texts.map(function (x) { return x(); }).filter(function (x, i, all) { return all.indexOf(x) === i; }).join(" ");
            });
            f.error.hidden = false;
            f.box.classList.add("invalid");
            (f.group || [f.input]).forEach(function (i) { i.setAttribute("aria-invalid", "true"); });
            describedBy(f.input, f.error.id, true);
          }
          var li = el("li", {});
          if (f) {
            var a = t.bind(el("a", { href: "#" + f.focus.id }), text);
            a.addEventListener("click", function (ev) { ev.preventDefault(); f.focus.focus(); });
            li.appendChild(a);
          } else {
            t.bind(li, text);
          }
          ul.appendChild(li);
        });
        summary.hidden = false;
        if (shown.length) { shown[0].focus.focus(); } else { summary.setAttribute("tabindex", "-1"); summary.focus(); }
      };

      /** Sends at most once at a time; errors land on the step, tied to their fields. */
      step.onSubmit = function (fallbackField, check, action) {
        form.addEventListener("submit", function (ev) {
          ev.preventDefault();
          if (busy) { return; }
          var local = check ? check() : [];
          if (local.length) { step.fail({ fields: local }, fallbackField); return; }
          busy = true;
          ui.announce("sending");
          Promise.resolve().then(action).then(function () { busy = false; }, function (e) {
            busy = false;
            ui.announce("");
            step.fail(e, fallbackField);
          });
        });
      };

      // The first step waits for the parent; moving focus on page load would pull them away from the school's page.
      if (ui.started) {
        ui.announce(titleKey);
        heading.focus();
      }
      ui.started = true;
      return step;
    };

    /** The last step: a heading and what happened, each paragraph a function of the translator (names, dates, references). */
    ui.done = function (titleKey, paragraphs, attrs) {
      var step = ui.step(titleKey);
      step.form.remove();
      var box = el("div", attrs || {});
      box.setAttribute("class", "done");
      box.setAttribute("data-role", "done");
      paragraphs.forEach(function (fn) { box.appendChild(t.bind(el("p", {}), fn)); });
      stage.appendChild(box);
      return step;
    };

    /**
     * The sign-in both forms share: the mobile number or email address the school holds, then the one-time code sent to
     * it; resolves once signed in. Whether the address is known is never shown: the code step reads the same either way.
     */
    ui.signIn = function (titleKey, introKey) {
      return new Promise(function (resolve) {
        var step = ui.step(titleKey, [introKey, "languageNote"]);
        var who = step.field("signIn.label", el("input", { name: "mobileOrEmail", type: "text", autocomplete: "username", inputmode: "email",
          spellcheck: "false", autocapitalize: "none" }), "signIn.hint");
        step.button("signIn.button", "send-code");
        step.onSubmit("mobileOrEmail", function () {
          return who.value.trim() ? [] : [{ field: "mobileOrEmail", key: "signIn.missing" }];
        }, function () {
          var value = who.value.trim();
          var byEmail = value.indexOf("@") >= 0;
          // the code's text or email comes in the language the parent is reading the form in
          var ask = byEmail ? { email: value } : { mobile: value };
          ask.language = t.lang();
          return ui.send("POST", "/sign-in", ask).then(function (c) {
            ui.state.challenge = c.challenge;
            enterCode(byEmail ? { email: maskEmail(value) } : { end: value.replace(/\D/g, "").slice(-3) }, resolve);
          });
        });
      });
    };

    function maskEmail(email) {
      var at = email.indexOf("@");
      return at <= 1 ? email.slice(at) : email.charAt(0) + "…" + email.slice(at);
    }

    function enterCode(sentTo, resolve) {
      var step = ui.step("code.heading");
      var intro = t.bind(el("p", {}), sentTo.email ? "code.sentEmail" : "code.sentMobile", sentTo);
      step.form.parentNode.insertBefore(intro, step.form);
      var code = step.field("code.label", el("input", { name: "code", type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6" }),
        sentTo.email ? "code.hintEmail" : "code.hintMobile");
      step.button("code.button", "verify");
      step.onSubmit("code", function () {
        return /^\s*\d{6}\s*$/.test(code.value) ? [] : [{ field: "code", key: "code.missing" }];
      }, function () {
        return ui.send("POST", "/verify", { challenge: ui.state.challenge, code: code.value.trim() }).then(function (s) {
          ui.state.token = s.accessToken;
          resolve();
        });
      });
    }

    return ui;
  }

  window.OpenAttendanceEmbed = { mount: mount, el: el, words: WORDS, languages: LANGUAGES };
})();
