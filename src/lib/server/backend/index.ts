/** The backend every mode shares: the same SQL functions, reached through the mode's transport. */
import type { Transports } from '$lib/server/rpc/types';
import { builderOf } from './calls/builder';
import { auditOf, membersOf, organizationOf, staffOf } from './calls/members';
import { populationOf } from './calls/population';
import { consultationsOf, plansOf } from './calls/public-comment';
import { publicResultsOf } from './calls/public-results';
import { responsesOf } from './calls/responses';
import { paperOf, samplesOf } from './calls/samples';
import { resultsOf } from './calls/results';
import { surveysOf } from './calls/surveys';
import type { Backend } from './types';

export function createBackend(transports: Transports, signedIn: boolean): Backend {
	return {
		surveys: surveysOf(transports),
		responses: responsesOf(transports),
		results: resultsOf(transports),
		population: populationOf(transports),
		staff: staffOf(transports, signedIn),
		builder: builderOf(transports),
		publicResults: publicResultsOf(transports),
		members: membersOf(transports),
		audit: auditOf(transports),
		organization: organizationOf(transports),
		samples: samplesOf(transports),
		paper: paperOf(transports),
		consultations: consultationsOf(transports),
		plans: plansOf(transports),
		health: () =>
			transports.anon<boolean>('health').then(
				(ok) => ok === true,
				() => false
			)
	};
}
