import { ACCOUNT } from "@/lib/fields/account";
import { PERSON } from "@/lib/fields/person";
import { OUTREACH } from "@/lib/fields/outreach";
import { MEETING } from "@/lib/fields/meeting";
import type { RecordFields } from "@/lib/fields/define";

/** Every record with a field registry (the registry test walks this list). */
export const RECORDS: Record<string, RecordFields> = { account: ACCOUNT, person: PERSON, outreach: OUTREACH, meeting: MEETING };
