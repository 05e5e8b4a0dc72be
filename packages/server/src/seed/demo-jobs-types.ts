import type {
  ApplicationMove,
  CourseInput,
  IsoDate,
  PostingInput,
  Region,
  SeekerProfileInput,
} from '@ieum/domain';

/**
 * The shapes of the jobs demo's plan (demo-jobs-plan.ts), shared by the files that make it and the one that
 * carries it out, so none of them imports another for its types alone.
 */
/** A person as the plan sees them: what the registry keeps in plaintext, and the protection demo's categories. */
export interface JobsPlanPerson {
  /** The demo organization key of the person's Hana Center (its id for any other center). */
  readonly center: string;
  readonly sex: string | null;
  readonly birthYear: number | null;
  readonly decision: IsoDate | null;
  readonly residenceStart: IsoDate | null;
  readonly region: Region | null;
  readonly categories: readonly string[];
}

export interface JobsPlanOptions {
  readonly seed: number;
  readonly today: IsoDate;
  /** In a stable order (the order of registration), so the same population gives the same plan. */
  readonly persons: readonly JobsPlanPerson[];
  /** Centers with a demo case worker: their persons' jobs work is done through the use cases. */
  readonly workerCenters: readonly string[];
  /** The demo case worker's center, whose persons the demo employment officer is assigned to. */
  readonly officerCenter: string | null;
  readonly officerRegion: Region | null;
}

export interface PlannedEmployer {
  readonly name: string;
  readonly businessNumber: string | null;
  readonly region: Region;
  readonly priorityPurchasing: boolean;
  readonly occupations: readonly string[];
}

export interface PlannedPosting {
  readonly employer: number;
  opensOn: IsoDate;
  /** The day it is marked closed, or null for a posting still open. */
  closedOn: IsoDate | null;
  readonly input: Omit<PostingInput, 'employerId' | 'version' | 'closingOn'> & { closingOn: IsoDate };
}

/** A stretch of work; `served` when a demo account records it, else it is written with the insurance history. */
export interface PlannedWork {
  readonly person: number;
  readonly served: boolean;
  readonly employer: number;
  readonly startOn: IsoDate;
  readonly endOn: IsoDate | null;
  readonly insured: boolean;
  readonly occupation: string;
  readonly monthlyWage: number;
}

export interface PlannedProfile {
  readonly person: number;
  readonly served: boolean;
  readonly savedOn: IsoDate;
  readonly input: Omit<SeekerProfileInput, 'version'>;
}

export interface PlannedApplication {
  readonly person: number;
  readonly posting: number;
  readonly createdOn: IsoDate;
  readonly stage: 'recommended' | 'applied';
  readonly steps: readonly { readonly on: IsoDate; readonly move: Omit<ApplicationMove, 'version'> }[];
}

export interface PlannedEnrolment {
  readonly person: number;
  readonly course: number;
  readonly enrolledOn: IsoDate;
  readonly outcome: {
    readonly on: IsoDate;
    readonly status: 'completed' | 'dropped';
    readonly attendedHours: number;
    readonly completedOn: IsoDate | null;
    readonly certificate: { readonly code: string; readonly on: IsoDate } | null;
  } | null;
}

export interface DemoJobsPlan {
  readonly employers: readonly PlannedEmployer[];
  readonly postings: readonly PlannedPosting[];
  readonly courses: readonly Omit<CourseInput, 'version'>[];
  readonly profiles: readonly PlannedProfile[];
  readonly officer: readonly { readonly person: number; readonly since: IsoDate }[];
  /** Work as the insurance record shows it today: recorded now, so no check of it is already late. */
  readonly history: readonly PlannedWork[];
  /** Short jobs of served persons within their protection, recorded as they happened and followed up. */
  readonly earlyEnds: readonly PlannedWork[];
  readonly applications: readonly PlannedApplication[];
  readonly enrolments: readonly PlannedEnrolment[];
  /** The person whose childbirths extend the incentive period past today, if the population has one. */
  readonly extended: number | null;
}

/** A working-age person of the population, as the stories see them. */
export interface Who {
  readonly index: number;
  readonly sex: 'female' | 'male';
  readonly age: number;
  readonly ageAtDecision: number;
  readonly decision: IsoDate;
  readonly residenceStart: IsoDate;
  readonly region: Region;
  readonly categories: ReadonlySet<string>;
}
