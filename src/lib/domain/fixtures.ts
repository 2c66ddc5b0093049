/** A small questionnaire that exercises every question type and branching. */
import { definition, type Definition } from './questionnaire';

const t = (ja: string, en = ja) => ({ ja, en });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: t(key) }));

export const sampleDefinition: Definition = definition.parse({
	languages: ['ja', 'en'],
	strata: { district: 'district', ageGroup: 'age' },
	sections: [
		{
			key: 'about',
			title: t('あなたについて', 'About you'),
			questions: [
				{
					key: 'district',
					type: 'single',
					text: t('地区'),
					required: true,
					options: options('north', 'south')
				},
				{
					key: 'age',
					type: 'single',
					text: t('年代'),
					required: true,
					options: options('young', 'old')
				}
			]
		},
		{
			key: 'living',
			title: t('住みよさ'),
			questions: [
				{
					key: 'stay',
					type: 'single',
					text: t('住み続けたいですか'),
					required: true,
					options: options('yes', 'no')
				},
				{
					key: 'why_leave',
					type: 'multi',
					text: t('理由'),
					required: true,
					max: 2,
					showIf: { question: 'stay', equals: 'no' },
					options: options('shops', 'jobs', 'transport')
				}
			]
		},
		{
			key: 'measures',
			title: t('施策'),
			questions: [
				{
					key: 'grid',
					type: 'matrix',
					text: t('満足度と重要度'),
					required: true,
					rows: options('care', 'roads'),
					dimensions: options('satisfaction', 'importance'),
					scale: options('1', '2', '3')
				},
				{ key: 'comment', type: 'text', text: t('ご意見'), multiline: true, maxLength: 20 }
			]
		}
	]
});
