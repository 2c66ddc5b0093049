// The demo municipality and its questionnaire: a 市民意識調査 for 美祢市 as it
// might run while the city drafts the latter half (後期基本計画) of its
// comprehensive plan. Plain JavaScript so the seed runs without a build step; the
// definition is checked against the zod schema in src/lib/domain/questionnaire.ts
// by scripts/lib/seed.test.js.

/** @typedef {{ ja: string, en: string }} Text */
/** @typedef {{ key: string, label: Text }} Option */
/** @typedef {{ code: string, name: Text, sort: number }} District */
/** @typedef {{ code: string, name: Text, min_age: number, max_age: number | null, sort: number }} AgeGroup */
/** @typedef {import('../../src/lib/domain/questionnaire.js').Definition} Definition */
/** @typedef {Definition['sections'][number]} Section */

/**
 * @param {string} ja
 * @param {string} en
 * @returns {Text}
 */
const text = (ja, en) => ({ ja, en });

/**
 * @param {string} key
 * @param {string} ja
 * @param {string} en
 * @returns {Option}
 */
const option = (key, ja, en) => ({ key, label: text(ja, en) });

export const demoOrganization = { slug: 'mine', name: text('美祢市', 'Mine City') };

/** @type {District[]} */
export const demoDistricts = [
	['omine', '大嶺', 'Omine'],
	['isa', '伊佐', 'Isa'],
	['ofuku', '於福', 'Ofuku'],
	['toyotamae', '豊田前', 'Toyotamae'],
	['nishiatsu', '西厚保', 'Nishiatsu'],
	['higashiatsu', '東厚保', 'Higashiatsu'],
	['mito', '美東', 'Mito'],
	['shuho', '秋芳', 'Shuho']
].map(([code, ja, en], i) => ({ code, name: text(ja, en), sort: (i + 1) * 10 }));

/** @type {AgeGroup[]} */
export const demoAgeGroups = [
	{ code: 'age18_29', name: text('18〜29歳', '18–29'), min_age: 18, max_age: 29 },
	{ code: 'age30s', name: text('30代', '30s'), min_age: 30, max_age: 39 },
	{ code: 'age40s', name: text('40代', '40s'), min_age: 40, max_age: 49 },
	{ code: 'age50s', name: text('50代', '50s'), min_age: 50, max_age: 59 },
	{ code: 'age60s', name: text('60代', '60s'), min_age: 60, max_age: 69 },
	{ code: 'age70plus', name: text('70歳以上', '70 and over'), min_age: 70, max_age: null }
].map((group, i) => ({ ...group, sort: (i + 1) * 10 }));

export const demoSurvey = {
	slug: 'mine-2026',
	title: text(
		'第二次美祢市総合計画 後期基本計画策定のための市民意識調査',
		'Resident Survey for the Latter Basic Plan of the Second Mine City Comprehensive Plan'
	)
};

/** Options for the two strata questions come from the tables, so they cannot drift apart. */
const districtOptions = demoDistricts.map((d) => ({ key: d.code, label: d.name }));
const ageGroupOptions = demoAgeGroups.map((g) => ({ key: g.code, label: g.name }));

// Every field that the zod schema would default is written out, so that the stored
// definition is exactly what the schema parses it to (the SQL submit path reads
// the stored JSON directly and would otherwise apply its own defaults).

/** @type {Section} */
const aboutYou = {
	key: 'about_you',
	title: text('あなた自身について', 'About you'),
	description: text(
		'回答を地区別・年代別に集計するためにお聞きします。個人が特定されることはありません。',
		'We ask this to tabulate the results by district and age group. You cannot be identified from your answers.'
	),
	questions: [
		{
			type: 'single',
			key: 'district',
			text: text('お住まいの地区はどちらですか。', 'Which district do you live in?'),
			required: true,
			display: 'radio',
			options: districtOptions
		},
		{
			type: 'single',
			key: 'age_group',
			text: text('あなたの年齢を教えてください。', 'How old are you?'),
			required: true,
			display: 'radio',
			options: ageGroupOptions
		},
		{
			type: 'single',
			key: 'gender',
			text: text('あなたの性別を教えてください。', 'What is your gender?'),
			required: false,
			display: 'radio',
			options: [
				option('male', '男性', 'Male'),
				option('female', '女性', 'Female'),
				option('other', 'その他', 'Other'),
				option('no_answer', '回答しない', 'Prefer not to say')
			]
		},
		{
			type: 'single',
			key: 'years_lived',
			text: text(
				'美祢市にお住まいになって何年になりますか。',
				'How long have you lived in Mine City?'
			),
			required: false,
			display: 'radio',
			options: [
				option('under5', '5年未満', 'Less than 5 years'),
				option('from5to10', '5〜10年未満', '5 to less than 10 years'),
				option('from10to20', '10〜20年未満', '10 to less than 20 years'),
				option('over20', '20年以上', '20 years or more')
			]
		}
	]
};

/** @type {Section} */
const livability = {
	key: 'livability',
	title: text('美祢市の住みよさ', 'Living in Mine City'),
	questions: [
		{
			type: 'single',
			key: 'settle_intent',
			text: text(
				'あなたは、これからも美祢市に住み続けたいと思いますか。',
				'Would you like to go on living in Mine City?'
			),
			required: true,
			display: 'radio',
			options: [
				option('stay_always', 'ずっと住み続けたい', 'Yes, for good'),
				option('stay_for_now', '当分は住み続けたい', 'Yes, for the time being'),
				option('prefer_leave', 'できれば市外へ移りたい', 'I would rather move away if I could'),
				option('leave', '市外へ移りたい', 'I want to move away'),
				option('unsure', 'わからない', "I don't know")
			]
		},
		{
			type: 'multi',
			key: 'leave_reasons',
			text: text(
				'市外へ移りたいと思う理由は何ですか。（3つまで）',
				'Why would you like to move away? (Choose up to 3.)'
			),
			required: false,
			showIf: {
				any: [
					{ question: 'settle_intent', equals: 'prefer_leave' },
					{ question: 'settle_intent', equals: 'leave' }
				]
			},
			max: 3,
			options: [
				option('shopping', '買い物が不便', 'Shopping is inconvenient'),
				option('commute', '通勤・通学が不便', 'Getting to work or school is difficult'),
				option('medical_welfare', '医療・福祉が不十分', 'Medical and welfare services are lacking'),
				option('jobs', '仕事が少ない', 'There are few jobs'),
				option(
					'childcare_education',
					'子育て・教育環境に不安がある',
					'I am worried about childcare and schooling'
				),
				option('transport', 'バスや鉄道の便が悪い', 'Buses and trains are infrequent'),
				option('other', 'その他', 'Other')
			]
		},
		{
			type: 'multi',
			key: 'good_points',
			text: text(
				'美祢市の良いところは何だと思いますか。（3つまで）',
				'What do you like about Mine City? (Choose up to 3.)'
			),
			required: false,
			max: 3,
			options: [
				option('nature', '自然が豊か', 'Rich natural surroundings'),
				option('safety', '治安がよい', 'It is safe'),
				option('community', '人と人とのつながりがある', 'People know and help each other'),
				option(
					'history_culture',
					'歴史・文化がある（秋吉台・秋芳洞など）',
					'History and culture (Akiyoshidai, Akiyoshido Cave and more)'
				),
				option('housing', '住宅や土地が手に入りやすい', 'Housing and land are easy to find'),
				option('childcare', '子育てしやすい', 'A good place to raise children'),
				{ ...option('none', '特にない', 'Nothing in particular'), exclusive: true }
			]
		}
	]
};

const measureRows = [
	option('childcare', '子育て支援', 'Support for families with children'),
	option('school_education', '学校教育', 'School education'),
	option('elderly_welfare', '高齢者福祉', 'Welfare for older people'),
	option('medical_care', '医療体制', 'Medical care'),
	option('disaster_prevention', '防災・減災', 'Disaster prevention and mitigation'),
	option('public_transport', '公共交通（バス・鉄道）', 'Public transport (buses and trains)'),
	option('roads_infrastructure', '道路・上下水道などの生活基盤', 'Roads, water and sewerage'),
	option('agriculture_forestry', '農林業の振興', 'Agriculture and forestry'),
	option('tourism', '観光振興（秋吉台ジオパーク）', 'Tourism (Mine Akiyoshidai Geopark)'),
	option('employment', '雇用の確保・企業誘致', 'Jobs and attracting businesses'),
	option('migration_settlement', '移住・定住の促進', 'Attracting and keeping residents'),
	option('digital_government', '行政のデジタル化', 'Digital public services')
];

/** @type {Section} */
const policyRatings = {
	key: 'policy_ratings',
	title: text('施策の満足度と重要度', 'Satisfaction with and importance of city policies'),
	description: text(
		'市の取り組みについて、現在どの程度満足しているか（満足度）と、今後どの程度重要だと思うか（重要度）をお聞きします。',
		'For each of the city’s policies, tell us how satisfied you are with it now (satisfaction) and how important you think it is for the years ahead (importance).'
	),
	questions: [
		{
			type: 'matrix',
			key: 'measures',
			text: text(
				'次の取り組みについて、満足度と重要度をそれぞれ5段階でお選びください。',
				'Rate each policy for satisfaction and for importance on a five-point scale.'
			),
			help: text(
				'満足度は「高い」ほど満足している、重要度は「高い」ほど重要だと思うことを表します。',
				'For satisfaction, “High” means you are very satisfied; for importance, “High” means you think it matters a great deal.'
			),
			required: true,
			rows: measureRows,
			dimensions: [
				option('satisfaction', '満足度', 'Satisfaction'),
				option('importance', '重要度', 'Importance')
			],
			// One scale serves both dimensions, so its labels say "high/low", not "satisfied".
			scale: [
				option('5', '高い', 'High'),
				option('4', 'やや高い', 'Fairly high'),
				option('3', 'ふつう', 'Neither'),
				option('2', 'やや低い', 'Fairly low'),
				option('1', '低い', 'Low')
			]
		}
	]
};

/** @type {Section} */
const future = {
	key: 'future',
	title: text('これからの美祢市', 'The future of Mine City'),
	questions: [
		{
			type: 'multi',
			key: 'priorities',
			text: text(
				'今後、市が特に力を入れるべきだと思う分野はどれですか。（3つまで）',
				'Which areas should the city put the most effort into from now on? (Choose up to 3.)'
			),
			required: false,
			max: 3,
			options: [
				option('medical_welfare', '医療・福祉の充実', 'Better medical and welfare services'),
				option('childcare_education', '子育て・教育の充実', 'Better childcare and education'),
				option('public_transport', '公共交通の確保', 'Keeping public transport running'),
				option('jobs', '雇用の創出・産業の振興', 'Creating jobs and supporting local industry'),
				option(
					'tourism_geopark',
					'観光・ジオパークの活用',
					'Making more of tourism and the Geopark'
				),
				option('disaster', '防災対策', 'Disaster preparedness'),
				option('settlement', '移住・定住の促進', 'Attracting and keeping residents'),
				option('digital', '行政のデジタル化', 'Digital public services')
			]
		},
		{
			type: 'text',
			key: 'free_comment',
			text: text(
				'美祢市のまちづくりについて、ご意見やご提案がありましたら自由にお書きください。',
				'Please share any opinions or suggestions you have about the future of Mine City.'
			),
			help: text(
				'ご自身や他の方が特定されるような内容は書かないでください。',
				'Please do not write anything that could identify you or anyone else.'
			),
			required: false,
			multiline: true,
			maxLength: 2000
		}
	]
};

/** @type {Definition} */
export const demoDefinition = {
	languages: ['ja', 'en'],
	strata: { district: 'district', ageGroup: 'age_group' },
	breakdowns: ['gender', 'years_lived'],
	sections: [aboutYou, livability, policyRatings, future]
};

// ---------------------------------------------------------------------------
// A second, short survey with one of every question type, so that the answering
// pages can be tried (and are tested) with each: /s/question-types

export const typesSurvey = {
	slug: 'question-types',
	title: text('質問形式の見本アンケート', 'Sample survey of question types')
};

/** @type {Section} */
const typesChoices = {
	key: 'choices',
	title: text('選ぶ質問', 'Choosing'),
	questions: [
		{
			type: 'single',
			key: 'transport',
			text: text('ふだんの主な移動手段は何ですか。', 'How do you usually get around?'),
			required: true,
			display: 'radio',
			options: [
				option('car', '自家用車', 'By car'),
				option('bus', 'バス', 'By bus'),
				option('train', '鉄道', 'By train'),
				option('walk', '徒歩・自転車', 'On foot or by bicycle')
			],
			other: true,
			shuffle: true
		},
		{
			type: 'single',
			key: 'shopping_place',
			text: text(
				'日用品の買い物は主にどこでしますか。',
				'Where do you mostly shop for daily necessities?'
			),
			required: false,
			display: 'dropdown',
			options: [
				option('in_city', '市内の店', 'Shops in the city'),
				option('ube', '宇部市', 'Ube'),
				option('yamaguchi', '山口市', 'Yamaguchi'),
				option('online', 'インターネット', 'Online')
			]
		},
		{
			type: 'multi',
			key: 'worries',
			text: text(
				'暮らしの中で困っていることは何ですか。（2つまで）',
				'What troubles you in daily life? (Choose up to 2.)'
			),
			required: true,
			max: 2,
			options: [
				option('shops', '買い物', 'Shopping'),
				option('hospital', '通院', 'Getting to a doctor'),
				option('snow', '冬の道路', 'Roads in winter'),
				{ ...option('none', '特にない', 'Nothing in particular'), exclusive: true }
			],
			other: true
		}
	]
};

/** @type {Section} */
const typesScales = {
	key: 'scales',
	title: text('点数をつける質問', 'Rating'),
	questions: [
		{
			type: 'info',
			key: 'scales_intro',
			text: text(
				'ここからは、あてはまる数字を1つ選んでください。',
				'From here on, choose the number that fits best.'
			),
			required: false
		},
		{
			type: 'rating',
			key: 'recommend',
			text: text(
				'美祢市に住むことを友人や知人にどの程度すすめたいですか。',
				'How likely are you to recommend living in Mine City to a friend?'
			),
			required: true,
			points: 11,
			startAt: 0,
			labels: {
				low: text('すすめない', 'Not at all likely'),
				middle: text('どちらともいえない', 'Neutral'),
				high: text('ぜひすすめたい', 'Extremely likely')
			}
		},
		{
			type: 'rating',
			key: 'library',
			text: text('市立図書館の満足度', 'How satisfied are you with the city library?'),
			required: false,
			points: 5,
			startAt: 1,
			labels: { low: text('不満', 'Dissatisfied'), high: text('満足', 'Satisfied') }
		},
		{
			type: 'matrix',
			key: 'parks',
			text: text('公園について評価してください。', 'Rate the parks.'),
			required: false,
			rows: [
				option('cleanliness', '清潔さ', 'Cleanliness'),
				option('play', '遊具', 'Play equipment')
			],
			dimensions: [option('rating', '評価', 'Rating')],
			scale: [
				option('good', 'よい', 'Good'),
				option('fair', 'ふつう', 'Fair'),
				option('poor', 'よくない', 'Poor')
			]
		}
	]
};

/** @type {Section} */
const typesNumbers = {
	key: 'numbers',
	title: text('数と日付', 'Numbers and dates'),
	questions: [
		{
			type: 'number',
			key: 'years_here',
			text: text('美祢市に住んで何年になりますか。', 'How many years have you lived in Mine City?'),
			required: true,
			min: 0,
			max: 120,
			integer: true,
			unit: text('年', 'years')
		},
		{
			type: 'number',
			key: 'bus_stop_km',
			text: text(
				'最寄りのバス停までの距離はおよそどのくらいですか。',
				'About how far is the nearest bus stop?'
			),
			required: false,
			min: 0,
			max: 50,
			integer: false,
			unit: text('km', 'km')
		},
		{
			type: 'date',
			key: 'last_visit',
			text: text(
				'最後に市役所の窓口を利用したのはいつですか。',
				'When did you last visit a counter at the city office?'
			),
			required: false,
			min: '2020-01-01',
			max: '2026-12-31'
		}
	]
};

/** @type {Section} */
const typesRanking = {
	key: 'ranking',
	title: text('順位と自由記述', 'Ranking and your words'),
	questions: [
		{
			type: 'info',
			key: 'welcome',
			text: text(
				'転入されて間もない方へ：市の暮らしのガイドを市役所で配布しています。',
				'New to the city? A guide to living here is available at the city office.'
			),
			required: false,
			showIf: { question: 'years_here', lte: 2 }
		},
		{
			type: 'ranking',
			key: 'priorities',
			text: text(
				'市に力を入れてほしいことを、上位3つまで順に選んでください。',
				'Which should the city work on first? Rank your top 3.'
			),
			required: true,
			options: [
				option('medical', '医療', 'Medical care'),
				option('transport', '公共交通', 'Public transport'),
				option('childcare', '子育て', 'Childcare'),
				option('jobs', '雇用', 'Jobs'),
				option('disaster', '防災', 'Disaster prevention')
			],
			top: 3,
			shuffle: true
		},
		{
			type: 'text',
			key: 'one_word',
			text: text('美祢市をひとことで表すと？', 'Mine City in a word?'),
			required: false,
			multiline: false,
			maxLength: 30
		}
	]
};

/** @type {Definition} */
export const typesDefinition = {
	languages: ['ja', 'en'],
	strata: {},
	sections: [typesChoices, typesScales, typesNumbers, typesRanking]
};
