// SurveyJS's framework-free UI rendering the survey JSON that index.html carries
// inline (the same place Koe's server-rendered page carries its questions).
import { Model } from 'survey-core';
import 'survey-core/i18n/japanese';
import { renderSurvey } from 'survey-js-ui';

const json = document.getElementById('survey-json')?.textContent ?? '{}';
const root = document.getElementById('survey');
if (root) renderSurvey(new Model(JSON.parse(json)), root);
