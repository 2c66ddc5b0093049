/** What the dashboard needs beyond counts: the population that weights them, and number answers. */
import { allQuestions, type Definition } from '$lib/domain/questionnaire';
import type { Backend } from '$lib/server/backend/types';

export async function loadAnalysis(backend: Backend, surveyId: string, def: Definition) {
	const numberKeys = allQuestions(def)
		.filter((q) => q.type === 'number')
		.map((q) => q.key);
	const stratified = Boolean(def.strata.district || def.strata.ageGroup);
	const [population, mayReadRaw, distributions] = await Promise.all([
		backend.population.get(surveyId),
		backend.results.mayReadRaw(surveyId),
		Promise.all(numberKeys.map((key) => backend.results.numberDistribution(surveyId, key)))
	]);
	// Weighting needs every question by stratum: read only when there is a population.
	const weighted = stratified && population.rows.length > 0;
	const cells = weighted ? await backend.results.crosstabAll(surveyId) : [];
	return {
		population: population.rows,
		populationEditable: population.editable,
		stratified,
		weighted,
		mayReadRaw,
		cells,
		numbers: Object.fromEntries(numberKeys.map((key, i) => [key, distributions[i]]))
	};
}
