// Every string the interface shows, in English and Persian, and the number and date formats.

const STRINGS = {
  en: {
    appName: 'Shenava',
    tagline: 'Social listening',
    'nav.overview': 'Overview',
    'nav.explore': 'Explore',
    'nav.compare': 'Compare',
    'nav.alerts': 'Alerts',
    'nav.sources': 'Sources and brands',
    'pick.brand': 'Brand',
    'pick.allBrands': 'All brands',
    'pick.period': 'Period',
    'period.24h': 'Last 24 hours',
    'period.7d': 'Last 7 days',
    'period.30d': 'Last 30 days',
    'period.90d': 'Last 90 days',
    'period.365d': 'Last 12 months',
    'settings.language': 'Language',
    'settings.calendar': 'Calendar',
    'settings.gregorian': 'Gregorian',
    'settings.jalali': 'Jalali (Solar Hijri)',
    'settings.digits': 'Digits',
    'settings.latinDigits': 'Latin 0-9',
    'settings.persianDigits': 'Persian ۰-۹',
    'tile.mentions': 'Mentions',
    'tile.net': 'Net sentiment',
    'tile.sov': 'Share of voice',
    'tile.negShare': 'Negative share',
    'tile.vsPrev': 'vs previous period',
    'tile.ofCompetitors': 'of {n} brands',
    'tile.noBrand': 'pick a brand',
    'tile.negCount': '{n} negative',
    'chart.overTime': 'Mentions over time',
    'chart.touchpoints': 'Customer-experience touchpoints',
    'chart.touchpointsHint': 'Bar length: mentions; colour: net sentiment',
    'chart.trending': 'Trending terms',
    'chart.sources': 'Sources',
    'chart.languages': 'Languages',
    'chart.latestNegative': 'Latest negative mentions',
    'chart.sov': 'Share of voice over time',
    'chart.netOverTime': 'Net sentiment over time',
    'chart.alert': 'Alert',
    'chart.count': 'mentions',
    'chart.previous': 'previous',
    'sent.positive': 'Positive',
    'sent.negative': 'Negative',
    'sent.neutral': 'Neutral',
    'sent.any': 'Any sentiment',
    'net': 'Net',
    'tp.delivery': 'Delivery',
    'tp.support': 'Support',
    'tp.price': 'Price',
    'tp.quality': 'Product quality',
    'tp.app': 'App or website',
    'tp.staff': 'Staff',
    'tp.waiting': 'Waiting',
    'tp.payment': 'Payment',
    'tp.trust': 'Trust',
    'tp.any': 'Any touchpoint',
    'empty': 'Nothing in this period.',
    'loading': 'Loading…',
    'error.load': 'Could not load: {msg}',
    'error.network': 'The server did not answer. Is Shenava running?',
    'explore.query': 'Query',
    'explore.placeholder': 'e.g. (delivery OR late) AND NOT refund lang:fa',
    'explore.search': 'Search',
    'explore.help': 'Syntax',
    'help.terms': 'words match anywhere in the text, any spelling of Persian and Arabic letters',
    'help.phrase': 'an exact phrase',
    'help.bool': 'both; either; without (also -word)',
    'help.group': 'group with parentheses',
    'help.wildcard': 'any ending',
    'help.near': 'words at most 3 apart',
    'help.fields': 'filters: brand, lang, source, sentiment, touchpoint (with its sentiment), author, site, title',
    'explore.helpExamples': 'Examples',
    'explore.results': { one: '{n} mention', other: '{n} mentions' },
    'explore.resultsAtLeast': '{n}+ mentions',
    'explore.export': 'Export CSV',
    'explore.exportJsonl': 'JSONL',
    'explore.more': 'Load more',
    'explore.sort': 'Sort',
    'explore.newest': 'Newest',
    'explore.oldest': 'Oldest',
    'explore.engagement': 'Most engagement',
    'explore.anyLang': 'Any language',
    'explore.anySource': 'Any source',
    'explore.queryError': 'Query error at column {col}',
    'explore.fixQuery': 'Fix the query to see results.',
    'explore.clearWindow': 'Back to the whole period',
    'explore.open': 'Open',
    'explore.edit': 'Correct',
    'explore.overridden': 'corrected by an analyst',
    'explore.sentiment': 'Sentiment',
    'explore.tags': 'Tags',
    'explore.tagsHint': 'comma separated',
    'explore.save': 'Save',
    'explore.cancel': 'Cancel',
    'explore.saved': 'Saved',
    'explore.followers': { one: '{n} follower', other: '{n} followers' },
    'explore.engagementN': { one: '{n} interaction', other: '{n} interactions' },
    'compare.brand': 'Compare {brand} with its competitors',
    'compare.noCompetitors': 'This brand has no competitors configured. Add them under Sources and brands.',
    'compare.mentions': 'Mentions',
    'compare.share': 'Share',
    'alerts.rules': 'Alert rules',
    'alerts.events': 'Alert events',
    'alerts.newRule': 'New rule',
    'alerts.signal': 'Signal',
    'alerts.sensitivity': 'Sensitivity',
    'alerts.minVolume': 'Minimum volume',
    'alerts.cooldown': 'Cooldown (minutes)',
    'alerts.targets': 'Webhook targets',
    'alerts.targetsHint': 'one per line: URL, optionally followed by " slack"',
    'alerts.secret': 'Signing secret',
    'alerts.secretSet': 'a secret is set; leave empty to keep it',
    'alerts.enabled': 'Enabled',
    'alerts.disabled': 'Paused',
    'alerts.test': 'Test-fire',
    'alerts.tested': 'Test event sent',
    'alerts.edit': 'Edit',
    'alerts.delete': 'Delete',
    'alerts.confirmDelete': 'Delete this rule?',
    'alerts.observed': 'Observed',
    'alerts.expected': 'Expected',
    'alerts.score': 'Score',
    'alerts.window': 'Window',
    'alerts.terms': 'Terms',
    'alerts.examples': 'Examples',
    'alerts.deliveries': 'Deliveries',
    'alerts.noRules': 'No alert rules yet.',
    'alerts.noEvents': 'No alert events in this period.',
    'signal.negative_spike': 'Negative spike',
    'signal.volume_spike': 'Volume spike',
    'signal.sentiment_drop': 'Sentiment drop',
    'sens.low': 'Low',
    'sens.medium': 'Medium',
    'sens.high': 'High',
    'delivery.pending': 'pending',
    'delivery.delivered': 'delivered',
    'delivery.failed': 'failed',
    'delivery.paused': 'paused',
    'src.sources': 'Sources',
    'src.brands': 'Brands',
    'src.newSource': 'New source',
    'src.newBrand': 'New brand',
    'src.id': 'Id',
    'src.kind': 'Kind',
    'src.params': 'Parameters (JSON)',
    'src.brandsServed': 'Brands',
    'src.interval': 'Poll every (seconds)',
    'src.credentialEnv': 'Credential environment variable',
    'src.lastSuccess': 'Last success',
    'src.lastError': 'Last error',
    'src.fetched': 'Posts fetched',
    'src.nextPoll': 'Next poll',
    'src.state': 'State',
    'src.never': 'never',
    'src.none': 'none',
    'src.noSources': 'No sources yet: add one to start listening.',
    'src.noBrands': 'No brands yet: add the first one.',
    'brand.name': 'Name',
    'brand.terms': 'Terms (one per line, any script)',
    'brand.excludes': 'Exclude terms',
    'brand.competitors': 'Competitors',
    'brand.query': 'Advanced query (optional)',
    'form.save': 'Save',
    'form.cancel': 'Cancel',
    'form.badJson': 'Parameters must be a JSON object.',
    'form.required': 'Fill in {field}.',
    'auth.title': 'API key needed',
    'auth.text': 'This Shenava server needs an API key. It is kept in this browser only.',
    'auth.key': 'API key',
    'auth.submit': 'Use key',
    'auth.wrong': 'The key was not accepted.',
    'auth.forbidden': 'Your key is not allowed to do this.',
    'ago.now': 'just now',
    'srcerr.401': 'the source refused the credential; check the environment variable',
    'srcerr.403': 'access forbidden; check the credential and its permissions',
    'srcerr.404': 'not found; check the address or account name',
    'srcerr.410': 'gone; the feed or account no longer exists',
    'srcerr.429': 'rate limited; polling will slow down and retry',
    'srcerr.5xx': 'the source had a server error; it will be retried',
    'srcerr.timeout': 'the source did not answer in time',
    'srcerr.dns': 'the host name could not be found',
    'srcerr.robots': 'robots.txt does not allow fetching this page',
    'srcerr.credential': 'the credential is missing or invalid',
  },
  fa: {
    appName: 'شنوا',
    tagline: 'پایش شبکه‌های اجتماعی',
    'nav.overview': 'نمای کلی',
    'nav.explore': 'جست‌وجو',
    'nav.compare': 'مقایسه',
    'nav.alerts': 'هشدارها',
    'nav.sources': 'منابع و برندها',
    'pick.brand': 'برند',
    'pick.allBrands': 'همهٔ برندها',
    'pick.period': 'بازه',
    'period.24h': '۲۴ ساعت گذشته',
    'period.7d': '۷ روز گذشته',
    'period.30d': '۳۰ روز گذشته',
    'period.90d': '۹۰ روز گذشته',
    'period.365d': '۱۲ ماه گذشته',
    'settings.language': 'زبان',
    'settings.calendar': 'تقویم',
    'settings.gregorian': 'میلادی',
    'settings.jalali': 'هجری شمسی',
    'settings.digits': 'ارقام',
    'settings.latinDigits': 'لاتین 0-9',
    'settings.persianDigits': 'فارسی ۰-۹',
    'tile.mentions': 'اشاره‌ها',
    'tile.net': 'احساس خالص',
    'tile.sov': 'سهم صدا',
    'tile.negShare': 'سهم منفی',
    'tile.vsPrev': 'نسبت به بازهٔ قبل',
    'tile.ofCompetitors': 'در میان {n} برند',
    'tile.noBrand': 'یک برند انتخاب کنید',
    'tile.negCount': '{n} منفی',
    'chart.overTime': 'اشاره‌ها در طول زمان',
    'chart.touchpoints': 'نقاط تماس تجربهٔ مشتری',
    'chart.touchpointsHint': 'طول نوار: تعداد اشاره؛ رنگ: احساس خالص',
    'chart.trending': 'واژه‌های داغ',
    'chart.sources': 'منابع',
    'chart.languages': 'زبان‌ها',
    'chart.latestNegative': 'تازه‌ترین اشاره‌های منفی',
    'chart.sov': 'سهم صدا در طول زمان',
    'chart.netOverTime': 'احساس خالص در طول زمان',
    'chart.alert': 'هشدار',
    'chart.count': 'اشاره',
    'chart.previous': 'قبلی',
    'sent.positive': 'مثبت',
    'sent.negative': 'منفی',
    'sent.neutral': 'خنثی',
    'sent.any': 'هر احساسی',
    'net': 'خالص',
    'tp.delivery': 'ارسال و تحویل',
    'tp.support': 'پشتیبانی',
    'tp.price': 'قیمت',
    'tp.quality': 'کیفیت محصول',
    'tp.app': 'اپ یا وب‌سایت',
    'tp.staff': 'کارکنان',
    'tp.waiting': 'انتظار',
    'tp.payment': 'پرداخت',
    'tp.trust': 'اعتماد',
    'tp.any': 'هر نقطهٔ تماسی',
    'empty': 'در این بازه چیزی نیست.',
    'loading': 'در حال بارگذاری…',
    'error.load': 'بارگذاری نشد: {msg}',
    'error.network': 'سرور پاسخ نداد. آیا شنوا در حال اجراست؟',
    'explore.query': 'پرس‌وجو',
    'explore.placeholder': 'مثلاً (تاخیر OR ارسال) AND NOT مرجوعی lang:fa',
    'explore.search': 'جست‌وجو',
    'explore.help': 'راهنمای نگارش',
    'help.terms': 'واژه‌ها در هر جای متن پیدا می‌شوند، با هر شکلی از حروف فارسی و عربی',
    'help.phrase': 'عبارت دقیق',
    'help.bool': 'هر دو؛ یکی از دو؛ بدون (یا ‎-واژه)',
    'help.group': 'گروه‌بندی با پرانتز',
    'help.wildcard': 'با هر پایانی',
    'help.near': 'واژه‌هایی با فاصلهٔ حداکثر ۳ واژه',
    'help.fields': 'فیلترها: برند، زبان، منبع، احساس، نقطهٔ تماس (همراه احساسش)، نویسنده، سایت، عنوان',
    'explore.helpExamples': 'نمونه‌ها',
    'explore.results': '{n} اشاره',
    'explore.resultsAtLeast': '{n}+ اشاره',
    'explore.export': 'خروجی CSV',
    'explore.exportJsonl': 'JSONL',
    'explore.more': 'بیشتر',
    'explore.sort': 'ترتیب',
    'explore.newest': 'تازه‌ترین',
    'explore.oldest': 'قدیمی‌ترین',
    'explore.engagement': 'بیشترین تعامل',
    'explore.anyLang': 'هر زبانی',
    'explore.anySource': 'هر منبعی',
    'explore.queryError': 'خطای پرس‌وجو در ستون {col}',
    'explore.fixQuery': 'برای دیدن نتیجه‌ها پرس‌وجو را درست کنید.',
    'explore.clearWindow': 'بازگشت به کل بازه',
    'explore.open': 'باز کردن',
    'explore.edit': 'اصلاح',
    'explore.overridden': 'اصلاح‌شده به دست تحلیلگر',
    'explore.sentiment': 'احساس',
    'explore.tags': 'برچسب‌ها',
    'explore.tagsHint': 'با ویرگول جدا کنید',
    'explore.save': 'ذخیره',
    'explore.cancel': 'انصراف',
    'explore.saved': 'ذخیره شد',
    'explore.followers': '{n} دنبال‌کننده',
    'explore.engagementN': '{n} تعامل',
    'compare.brand': 'مقایسهٔ {brand} با رقبایش',
    'compare.noCompetitors': 'برای این برند رقیبی تعریف نشده است. آن‌ها را در «منابع و برندها» اضافه کنید.',
    'compare.mentions': 'اشاره‌ها',
    'compare.share': 'سهم',
    'alerts.rules': 'قاعده‌های هشدار',
    'alerts.events': 'رویدادهای هشدار',
    'alerts.newRule': 'قاعدهٔ تازه',
    'alerts.signal': 'نشانه',
    'alerts.sensitivity': 'حساسیت',
    'alerts.minVolume': 'کمینهٔ حجم',
    'alerts.cooldown': 'فاصلهٔ آرامش (دقیقه)',
    'alerts.targets': 'نشانی‌های وب‌هوک',
    'alerts.targetsHint': 'هر خط یک نشانی؛ در صورت نیاز « slack» را پس از آن بنویسید',
    'alerts.secret': 'رمز امضا',
    'alerts.secretSet': 'رمز تنظیم شده است؛ برای نگه داشتن آن خالی بگذارید',
    'alerts.enabled': 'فعال',
    'alerts.disabled': 'متوقف',
    'alerts.test': 'آزمایش',
    'alerts.tested': 'رویداد آزمایشی فرستاده شد',
    'alerts.edit': 'ویرایش',
    'alerts.delete': 'حذف',
    'alerts.confirmDelete': 'این قاعده حذف شود؟',
    'alerts.observed': 'مشاهده‌شده',
    'alerts.expected': 'مورد انتظار',
    'alerts.score': 'امتیاز',
    'alerts.window': 'بازهٔ زمانی',
    'alerts.terms': 'واژه‌ها',
    'alerts.examples': 'نمونه‌ها',
    'alerts.deliveries': 'ارسال‌ها',
    'alerts.noRules': 'هنوز قاعدهٔ هشداری نیست.',
    'alerts.noEvents': 'در این بازه هشداری رخ نداده است.',
    'signal.negative_spike': 'جهش منفی',
    'signal.volume_spike': 'جهش حجم',
    'signal.sentiment_drop': 'افت احساس',
    'sens.low': 'کم',
    'sens.medium': 'متوسط',
    'sens.high': 'زیاد',
    'delivery.pending': 'در انتظار',
    'delivery.delivered': 'تحویل شد',
    'delivery.failed': 'ناموفق',
    'delivery.paused': 'متوقف',
    'src.sources': 'منابع',
    'src.brands': 'برندها',
    'src.newSource': 'منبع تازه',
    'src.newBrand': 'برند تازه',
    'src.id': 'شناسه',
    'src.kind': 'نوع',
    'src.params': 'پارامترها (JSON)',
    'src.brandsServed': 'برندها',
    'src.interval': 'فاصلهٔ بازدید (ثانیه)',
    'src.credentialEnv': 'متغیر محیطی اعتبارنامه',
    'src.lastSuccess': 'آخرین موفقیت',
    'src.lastError': 'آخرین خطا',
    'src.fetched': 'پست‌های دریافتی',
    'src.nextPoll': 'بازدید بعدی',
    'src.state': 'وضعیت',
    'src.never': 'هرگز',
    'src.none': 'هیچ',
    'src.noSources': 'هنوز منبعی نیست؛ برای شروع پایش یکی اضافه کنید.',
    'src.noBrands': 'هنوز برندی نیست؛ نخستین را اضافه کنید.',
    'brand.name': 'نام',
    'brand.terms': 'واژه‌ها (هر خط یکی، به هر خطی)',
    'brand.excludes': 'واژه‌های استثنا',
    'brand.competitors': 'رقبا',
    'brand.query': 'پرس‌وجوی پیشرفته (اختیاری)',
    'form.save': 'ذخیره',
    'form.cancel': 'انصراف',
    'form.badJson': 'پارامترها باید یک شیء JSON باشند.',
    'form.required': '{field} را پر کنید.',
    'auth.title': 'کلید API لازم است',
    'auth.text': 'این سرور شنوا کلید API می‌خواهد. کلید فقط در همین مرورگر نگه داشته می‌شود.',
    'auth.key': 'کلید API',
    'auth.submit': 'استفاده از کلید',
    'auth.wrong': 'کلید پذیرفته نشد.',
    'auth.forbidden': 'کلید شما اجازهٔ این کار را ندارد.',
    'ago.now': 'همین حالا',
    'srcerr.401': 'منبع اعتبارنامه را نپذیرفت؛ متغیر محیطی را بررسی کنید',
    'srcerr.403': 'دسترسی ممنوع است؛ اعتبارنامه و مجوزهایش را بررسی کنید',
    'srcerr.404': 'پیدا نشد؛ نشانی یا نام حساب را بررسی کنید',
    'srcerr.410': 'دیگر وجود ندارد؛ خوراک یا حساب حذف شده است',
    'srcerr.429': 'محدودیت نرخ؛ بازدیدها کندتر می‌شوند و دوباره تلاش می‌شود',
    'srcerr.5xx': 'خطای سرور در منبع؛ دوباره تلاش می‌شود',
    'srcerr.timeout': 'منبع به‌موقع پاسخ نداد',
    'srcerr.dns': 'نام میزبان پیدا نشد',
    'srcerr.robots': 'robots.txt اجازهٔ دریافت این صفحه را نمی‌دهد',
    'srcerr.credential': 'اعتبارنامه وجود ندارد یا نامعتبر است',
  },
};

const SETTINGS_KEY = 'shenava.settings';

function initialSettings() {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(SETTINGS_KEY) || '{}');
  } catch {
    saved = {};
  }
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const lang = fromUrl === 'fa' || fromUrl === 'en' ? fromUrl : (saved.lang || 'en');
  if (saved.lang !== lang) {
    saved = {};
  }
  return {
    lang,
    calendar: saved.calendar || (lang === 'fa' ? 'persian' : 'gregory'),
    digits: saved.digits || (lang === 'fa' ? 'persian' : 'latin'),
  };
}

export const settings = initialSettings();

/** Changes a setting, keeps it in the browser and applies language and direction to the page. */
export function updateSettings(change) {
  if (change.lang && change.lang !== settings.lang) {
    // A language switch brings that language's usual calendar and digits.
    settings.calendar = change.lang === 'fa' ? 'persian' : 'gregory';
    settings.digits = change.lang === 'fa' ? 'persian' : 'latin';
  }
  Object.assign(settings, change);
  localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  applyDocumentLanguage();
}

export function applyDocumentLanguage() {
  document.documentElement.lang = settings.lang;
  document.documentElement.dir = settings.lang === 'fa' ? 'rtl' : 'ltr';
  document.title = t('appName');
}

/** Translates a key, filling {placeholders}; numbers passed in are formatted for the current locale. */
export function t(key, params = {}) {
  let text = STRINGS[settings.lang][key] ?? STRINGS.en[key] ?? key;
  if (typeof text === 'object') {
    // Plural forms, chosen by the count in {n}.
    text = text[new Intl.PluralRules(settings.lang).select(params.n ?? 0)] ?? text.other;
  }
  return text.replace(/\{(\w+)\}/g, (_, name) => {
    const value = params[name];
    return typeof value === 'number' ? num(value) : String(value ?? '');
  });
}

/** Translates a key when a translation exists, otherwise returns the fallback (e.g. an unknown touchpoint id). */
export function tOr(key, fallback) {
  return STRINGS[settings.lang][key] ?? STRINGS.en[key] ?? fallback;
}

function numberLocale() {
  const base = settings.lang === 'fa' ? 'fa-IR' : 'en-US';
  return `${base}-u-nu-${settings.digits === 'persian' ? 'arabext' : 'latn'}`;
}

function dateLocale() {
  return `${numberLocale()}-ca-${settings.calendar === 'persian' ? 'persian' : 'gregory'}`;
}

const numberFormats = new Map();

function numberFormat(options) {
  const key = numberLocale() + JSON.stringify(options);
  if (!numberFormats.has(key)) {
    numberFormats.set(key, new Intl.NumberFormat(numberLocale(), options));
  }
  return numberFormats.get(key);
}

/** Formats a count or measure, e.g. 1,234 or ۱٬۲۳۴. */
export function num(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  return numberFormat({ maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** Formats a large count compactly, e.g. 12K. */
export function compact(value) {
  return numberFormat({ notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Formats a 0..1 ratio as a percentage. */
export function pct(ratio, digits = 1) {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) {
    return '–';
  }
  return numberFormat({ style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

/** Formats a net sentiment (-100..100) with its sign. */
export function signed(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return '–';
  }
  return numberFormat({ maximumFractionDigits: digits, signDisplay: 'exceptZero' }).format(value);
}

/** Formats an ISO time as a date and time in the chosen calendar. */
export function dateTime(iso) {
  if (!iso) {
    return '–';
  }
  return new Intl.DateTimeFormat(dateLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Formats an ISO time for a chart axis: a day or, for hourly buckets, a time. */
export function axisDate(iso, interval) {
  const options = interval === 'hour'
    ? { hour: '2-digit', minute: '2-digit', day: 'numeric' }
    : { month: 'short', day: 'numeric' };
  return new Intl.DateTimeFormat(dateLocale(), options).format(new Date(iso));
}

/** Says how long ago an ISO time was, e.g. "3 hours ago". */
export function ago(iso) {
  if (!iso) {
    return t('src.never');
  }
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(numberLocale(), { numeric: 'auto' });
  const units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return t('ago.now');
}

/** The display name of a language code, in the interface language (e.g. fa → Persian / فارسی). */
export function languageName(code) {
  try {
    return new Intl.DisplayNames([settings.lang], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

export function touchpointName(id) {
  return tOr(`tp.${id}`, id.replace(/_/g, ' '));
}
