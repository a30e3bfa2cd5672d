"""A fictional demo portfolio to try csdesk with (SPEC "Data": a demo portfolio can be loaded).

``build_demo`` fills an *empty*, migrated database with a CSM's working world:
the internal directory (departments, contacts and routing notes in the spirit
of seed 000, colleagues with their roles, AM/RM pairs of seed 003), product
modules, a portfolio of healthcare, education and staffing accounts (one
franchise group), their customer admins, tasks and tickets in every status,
and a communication log of the past 60 days.

Every name, email address and phone number is invented: emails use the
reserved ``.example`` top-level domain and phones the fictional 555-01xx
range. The portfolio is deterministic for a given ``seed`` and ``today``;
times are laid out on the local wall clock of ``today`` (so "due today" and
"followed up yesterday" read right on this machine) and stored as UTC.

Directory, portfolio and items go through the service functions so their
rules hold (R1 primary contact, R2 never unassigned, R7 AM not a watcher...);
one ORM session then does what no service covers: back-dating, item history,
lifecycle history and the communication log.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import selectinload

from csdesk.core.db import Database
from csdesk.core.directory import (
    ColleagueInput,
    ContactInput,
    DepartmentInput,
    save_colleague,
    save_department,
)
from csdesk.core.enums import (
    CLOSED_STATUSES,
    Category,
    Channel,
    Direction,
    Health,
    ItemEventKind,
    ItemType,
    LifecycleStage,
    Priority,
    Role,
    Status,
)
from csdesk.core.errors import KnownError
from csdesk.core.models import (
    Account,
    Colleague,
    CommLogEntry,
    ItemEvent,
    LifecycleEvent,
    WorkItem,
)
from csdesk.core.portfolio import (
    AccountInput,
    AdminInput,
    ProductInput,
    save_account,
    save_admin,
    save_product,
)
from csdesk.core.settings import set_setting
from csdesk.core.workitems import ItemInput, list_kinds, save_item

COMPANY_DOMAIN = "brightpath.example"
SUPPORT_EMAIL = f"support@{COMPANY_DOMAIN}"
SUPPORT_PHONE = "+1 (800) 555-0142"
CSM_NAME = "Morgan Ellis"
TEAMWORK_URL = "https://example.teamwork.com/app/tasks/{}"
JIRA_URL = "https://example.atlassian.net/browse/{}"

STAGE_PATH = (
    LifecycleStage.ONBOARDING,
    LifecycleStage.ADOPTION,
    LifecycleStage.REFERENCES,
    LifecycleStage.ACCOUNT_TASKS,
    LifecycleStage.HANDOFF,
)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """How much the demo put in the database."""

    colleagues: int
    departments: int
    products: int
    accounts: int
    admins: int
    tasks: int
    tickets: int
    comm_log_entries: int

    @property
    def items(self) -> int:
        return self.tasks + self.tickets


# ------------------------------------------------------------------ data
# The tables below are "|"-separated text, one row a line, read by _table().


def _table(text: str, width: int) -> list[list[str]]:
    rows = []
    for line in text.strip().splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != width:
            raise AssertionError(f"demo table row has {len(cells)} cells, not {width}: {line}")
        rows.append(cells)
    return rows


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# key | name | title | department key | roles (comma-separated) | phone ("" = none on file)
_COLLEAGUES = _table(
    f"""
me         | {CSM_NAME}       | Client Success Manager                  | cs      | me | +1 (312) 555-0101
css        | Priya Raman      | Client Success Support                  | cs      | css | +1 (312) 555-0102
tl         | Celeste Harmon   | Client Success Team Lead                | cs      | team_lead | +1 (312) 555-0103
backup1    | Jonah Pierce     | Client Success Manager                  | cs      | | +1 (312) 555-0104
backup2    | Amara Lindholm   | Client Success Manager                  | cs      | |
am1        | Dana Whitfield   | Account Manager                         | sales   | account_manager | +1 (617) 555-0111
am2        | Tomás Rivera     | Account Manager                         | sales   | account_manager | +1 (617) 555-0112
am3        | Leah Okafor      | Account Manager                         | sales   | account_manager | +1 (415) 555-0113
am4        | Grant Holloway   | Account & Regional Manager, Southeast   | sales   | account_manager, regional_manager | +1 (404) 555-0114
am5        | Nina Castellanos | Account Manager                         | sales   | account_manager | +1 (415) 555-0115
rm1        | Marcus Greene    | Regional Manager, Northeast             | sales   | regional_manager | +1 (617) 555-0116
rm2        | Helen Park       | Regional Manager, West                  | sales   | regional_manager | +1 (415) 555-0117
fallback   | Victor Lindqvist | VP of Account Management                | sales   | escalation_fallback | +1 (312) 555-0118
sales1     | Wesley Tran      | Sales Operations Coordinator            | sales   | department_contact | +1 (312) 555-0119
sales2     | Ingrid Falk      | Sales Support Specialist                | sales   | department_contact | +1 (312) 555-0120
sup1       | Kenji Watanabe   | Support Team Lead                       | support | support, department_contact | +1 (312) 555-0121
sup2       | Sofia Brandt     | Support Specialist                      | support | support, department_contact | +1 (312) 555-0122
sup3       | Ruben Alvarez    | Support Specialist                      | support | support | +1 (312) 555-0123
it         | Desmond Achebe   | IT Support Lead                         | it      | it, department_contact | +1 (312) 555-0124
glt        | Ivo Marchetti    | Google Local Specialist                 | glt     | department_contact | +1 (312) 555-0125
content    | Farah Haddad     | Content Team Lead                       | content | department_contact | +1 (312) 555-0126
ppc        | Quentin Shaw     | PPC Manager                             | ppc     | department_contact | +1 (312) 555-0127
web        | Rosalind Kemp    | Website Team Lead                       | web     | department_contact | +1 (312) 555-0128
rep        | Odette Lam       | Reputation Marketing Specialist         | rep     | department_contact |
intake     | Bram Osei        | Intake & Operations Coordinator         | intake  | department_contact | +1 (312) 555-0130
social     | Yara Lindgren    | Social Media Manager                    | social  | department_contact | +1 (312) 555-0131
acct       | Harriet Vance    | Accounts Receivable Specialist          | acct    | department_contact | +1 (312) 555-0132
agency_dir | Marguerite Hale  | Agency Services Director                | agency  | | +1 (312) 555-0133
agency_ops | Theo Brennan     | Agency Operations Coordinator           | agency  | department_contact | +1 (312) 555-0134
agency_css | Lucia Ferreira   | Client Success Support to the Agency Services Director | agency | department_contact | +1 (312) 555-0135
cred       | Patrice Dumont   | Credentialing & Screening Lead          | cred    | department_contact | +1 (312) 555-0136
learn      | Aurelia Novak    | Learning Design Lead                    | learn   | department_contact | +1 (312) 555-0137
""",
    6,
)

# key | name | description | routing notes (R1)
_DEPARTMENTS = _table(
    """
cs      | Client Success | The CSM team: portfolio owners, their CSS partners and the team lead. | Leave requests, backups and hand-offs go to the team lead (R15).
support | Support | The ticket queues (SS, EBH, PTO) of the service desk. | Ticket triage and priorities → Kenji; login, SSO and mobile app tickets → Sofia.
it      | IT | Internal IT: phones, call forwarding, laptops, SSO certificates. | Call forwarding before leave is requested from IT (R18).
glt     | Google Local Team | Google Business Profiles and local listings. |
content | Content | Copywriting for websites, blogs and landing pages. | New pages with content take 7-10 days: ask Farah for an estimate in the task.
ppc     | PPC | Paid search and recruitment campaigns. |
web     | Website | Website changes, new pages and accessibility fixes. |
rep     | Reputation Marketing | Review monitoring, responses and review-request campaigns. |
intake  | Intake and Operations | New client intake, account setup and data imports. |
social  | Social Media | Social posts, profiles and campaigns. |
sales   | Sales | Account managers, regional managers and sales operations. | Quotes, renewals and seat changes → Wesley; contracts and order forms → Ingrid. Account managers are reached through the Jira AM field, not Slack (seed 003).
acct    | Accounting | Invoices, credits and payment questions. |
agency  | Agency Services | Agency Services Director Marguerite Hale and her team. | Marguerite Hale: operational or non-client matters → Theo Brennan; client matters → Lucia Ferreira (Marguerite Hale's CSS).
cred    | Credentialing & Screening | Primary-source verification, license monitoring and background checks. |
learn   | Learning Design | Course catalogue, custom coursework and compliance module assignments. |
""",
    4,
)

# department key | colleague key | routing note; a department's first contact is its primary
_CONTACTS = _table(
    """
cs      | tl         | Leave, backups and escalations within the CSM team
support | sup1       | Ticket triage, priorities and queue questions
support | sup2       | Login, SSO and mobile app tickets
it      | it         | Call forwarding, phones and SSO certificates
glt     | glt        | Profile verification, hours and listing fixes
content | content    | Drafts, rewrites and content timelines
ppc     | ppc        | Campaign changes, budgets and ad groups
web     | web        | Page changes, new pages and formatting
rep     | rep        | Review responses and campaigns
intake  | intake     | Account setup, imports and admin changes
social  | social     | Posts, calendars and profile updates
sales   | sales1     | Quotes, renewals and seat changes
sales   | sales2     | Contract copies and order forms
acct    | acct       | Invoice corrections, credits and payment status
agency  | agency_ops | Operational matters and anything not client-related
agency  | agency_css | Client matters (she is Marguerite Hale's CSS)
cred    | cred       | Credentialing packets, license alerts and background checks
learn   | learn      | Custom courses, module assignments and certificates
""",
    3,
)

# name | is a paid extra outside the subscription (seed 004)
_PRODUCTS = _table(
    """
Learning & Compliance  | no
Credentialing          | no
Background Checks      | yes
Scheduling             | no
SSO / HRIS Integration | no
Reporting              | no
Custom Coursework      | yes
Policy Management      | no
""",
    2,
)

_FRANCHISE = "Harborview Home Care Group"
_CHILD_PREFIX = "Harborview Home Care – "

# name | web domain | paid seats | stage | health | adoption (low/mid/high) | Jira queue | AM key
_ACCOUNTS = _table(
    f"""
{_FRANCHISE}                        | harborviewhomecare   | 120  | adoption      | good    | mid  | SS  | am4
{_CHILD_PREFIX}Tampa                | harborviewhomecare   | 310  | adoption      | good    | high | SS  | am4
{_CHILD_PREFIX}Savannah             | harborviewhomecare   | 185  | onboarding    | watch   | low  | SS  | am4
{_CHILD_PREFIX}Charlotte            | harborviewhomecare   | 240  | account_tasks | good    | mid  | SS  | am4
{_CHILD_PREFIX}Knoxville            | harborviewhomecare   | 95   | onboarding    | at_risk | low  | SS  | am4
Cedar Ridge Regional Medical Center | cedarridgemed        | 2400 | account_tasks | watch   | mid  | SS  | am1
Northwind Nursing Academy           | northwindnursing     | 640  | references    | good    | high | SS  | am3
Bluewater Behavioral Health         | bluewaterbh          | 520  | adoption      | at_risk | low  | EBH | am2
Summit Staffing Partners            | summitstaffing       | 1350 | adoption      | good    | mid  | SS  | am1
Lakeshore Community College         | lakeshorecc          | 880  | references    | good    | high | SS  | am5
Meridian Pediatric Associates       | meridianpeds         | 75   | onboarding    | good    | low  | SS  | am3
Pinecrest Senior Living             | pinecrestliving      | 410  | handoff       | watch   | mid  | SS  | am2
Silver Maple Rehabilitation         | silvermaplerehab     | 160  | adoption      | watch   | low  | PTO | am5
Keystone Travel Nurses              | keystonetravelrn     | 1720 | account_tasks | good    | high | SS  | am1
Riverbend School District           | riverbendsd          | 960  | adoption      | good    | mid  | SS  | am5
Oakhaven Hospice                    | oakhavenhospice      | 48   | references    | good    | high | SS  | am4
Crescent Valley Dental Group        | crescentvalleydental | 15   | onboarding    | watch   | mid  | SS  | am3
Evergreen Allied Health Institute   | evergreenallied      | 730  | adoption      | good    | mid  | SS  | am2
Brightwater Surgical Center         | brightwatersurgical  | 205  | account_tasks | at_risk | low  | SS  | am1
Prairie Rose Assisted Living        | prairieroseal        | 130  | handoff       | at_risk | low  | SS  | am5
Granite State EMS Training          | granitestateems      | 290  | references    | good    | high | SS  | am3
Willowbrook Behavioral Clinics      | willowbrookbc        | 375  | adoption      | watch   | mid  | EBH | am2
Copperline Healthcare Staffing      | copperlinestaffing   | 1100 | onboarding    | good    | low  | SS  | am4
St. Aldric Medical Group            | staldricmg           | 1580 | adoption      | good    | high | SS  | am1
Tidewater Physical Therapy          | tidewaterpt          | 62   | adoption      | good    | mid  | PTO | am3
Maplewood Charter Academy           | maplewoodcharter     | 220  | account_tasks | watch   | mid  | SS  | am5
Horizon Locum Tenens                | horizonlocums        | 840  | references    | good    | mid  | SS  | am2
Redstone Urgent Care                | redstoneuc           | 110  | handoff       | good    | high | SS  | am4
Juniper Home Health                 | juniperhomehealth    | 455  | adoption      | at_risk | low  | SS  | am3
""",
    8,
)

# The regional manager of each account manager; am4 is both (seed 003: fallback on tickets).
_RM_OF = {"am1": "rm1", "am2": "rm1", "am3": "rm2", "am4": "am4", "am5": "rm2"}

_ACCOUNT_NOTES = {
    _FRANCHISE: "Franchise parent: contract and billing are signed at group level; "
    "each location has its own admins.",
    "Cedar Ridge Regional Medical Center": "Largest account. Accreditation survey season "
    "in spring; the CNO joins the quarterly business review.",
    "Bluewater Behavioral Health": "Low module usage; the new HR director wants a usage review.",
    "Copperline Healthcare Staffing": "Go-live planned this quarter; HRIS feed still in testing.",
    "Prairie Rose Assisted Living": "Offboarding discussion started: budget cuts.",
}

_FIRST_NAMES = _words(
    """
Abigail Adrian Beatriz Calvin Daniela Elliot Fatima Gabriel Hannah Imani Jasper Keiko
Lorenzo Mariana Nathaniel Olivia Percy Rosa Samuel Tamsin Umar Vivian Wendell Ximena
Yusuf Zelda Bernadette Cormac Delphine Emeka Greta Hector Ilse Kofi Lavinia Mateo
"""
)
_LAST_NAMES = _words(
    """
Abernathy Baptiste Calloway Drummond Esposito Fairbanks Galloway Hargrove Iwasaki
Jankowski Kowalczyk Mbeki Nakamura Oyelaran Pemberton Quintero Rasmussen Sandoval
Thornbury Underhill Valdivia Whitcombe Yamamoto Zielinski Ashworth Beaumont Castellano
Delacroix Ellsworth Marchbanks
"""
)
_ADMIN_TITLES = (
    "HR Director",
    "Education Coordinator",
    "Compliance Officer",
    "Credentialing Specialist",
    "Staffing Coordinator",
    "Director of Nursing",
    "IT Manager",
    "Clinical Educator",
    "Operations Manager",
    "Talent Acquisition Lead",
)

# department (or contact) key | task kind ("" = none) | category | title
_TASKS = _table(
    """
web        | Website change                | website               | Update staff directory page with new nurse managers
web        | New website page with content | website               | New careers landing page for travel nurse roles
content    | Content draft                 | content               | Draft blog post: annual compliance training checklist
content    | Content draft                 | content               | Rewrite the 'Our accreditation' page copy
glt        | General request               | general               | Fix Google Business Profile hours for the holiday schedule
ppc        | General request               | general               | Pause PPC campaign for filled CNA openings
rep        | General request               | general               | Respond to two negative reviews flagged by the admin
social     | General request               | content               | Schedule social posts for Nurses Week
intake     | Account setup                 | setup                 | Set up a new child location in the portal
learn      |                               | custom_coursework     | Build custom infection-control course from the client's slides
learn      | Template upload               | template_upload       | Upload orientation certificate template
support    | Training session              | training              | Admin training: assigning compliance modules
intake     | Account setup                 | setup                 | Import 240 new hires from the HRIS export
it         | Integration help              | sso_integration       | Configure SAML SSO with the client's identity provider
it         | Integration help              | integration_help      | Map HRIS department codes for the nightly sync
support    | Report                        | report                | Quarterly compliance completion report for the board meeting
support    | Report                        | report                | Expiring licenses report for nurse managers
cred       |                               | credentialing         | Primary-source verification for 18 new travel nurses
cred       |                               | background_check      | Add county criminal search to the background check package
cred       |                               | credentialing         | Set up license expiration alerts for RNs and LPNs
learn      |                               | learning_compliance   | Assign annual HIPAA and OSHA modules to all staff
acct       |                               | billing               | Correct invoice: seats billed twice for a child location
sales1     |                               | general               | Proposal for the Background Checks add-on
agency_css |                               | regulatory_compliance | Prepare evidence pack for the accreditation survey
web        | Website change                | website               | Add an accessibility statement to the footer
glt        | General request               | general               | Verify the new Google Business Profile for the second office
content    | New website page with content | content               | Service pages for the new behavioral health programs
intake     | General request               | general               | Update billing contact and admin list after the reorganisation
learn      |                               | learning_compliance   | Renew the state-mandated abuse-reporting course
support    | Training session              | training              | Train the new scheduler on shift-swap approvals
it         | Integration help              | integration_help      | Rotate SFTP credentials for the roster import
rep        | General request               | general               | Launch a review-request campaign after the survey
ppc        | General request               | general               | New PPC ad group for LPN recruitment
agency_ops |                               | feature_request       | Collect feature request: bulk transcript export
social     |                               | general               | Refresh social profile banners with the new branding
sales1     |                               | billing               | Renewal quote with added Scheduling seats
cred       |                               | background_check      | Re-run failed background checks for three candidates
learn      | Template upload               | template_upload       | Upload the new competency checklist templates
""",
    4,
)

# category | title (a ticket goes to Support, or to the department its category belongs to)
_TICKETS = _table(
    """
escalation            | Escalation: admin threatens to cancel over a missed credentialing deadline
high_risk_bug         | Completion certificates show the wrong expiry date
login_problem         | Night-shift nurses cannot log in after password reset
sso_integration       | SSO redirect loop for users with two email aliases
credentialing         | License verification stuck in 'pending' for 12 RNs
background_check      | Background check results not attached to candidate profiles
learning_compliance   | Annual compliance module not assigned to new hires
medium_risk_bug       | Report export drops the department column
regulatory_compliance | State audit: training transcripts needed for two years
custom_coursework     | Custom course quiz scores not recorded
login_problem         | Admin locked out after changing her MFA phone
high_risk_bug         | Scheduling module double-books float pool staff
sso_integration       | New HRIS integration: terminated users stay active
escalation            | Escalation: onboarding behind schedule, go-live at risk
feature_request       | Request: reminder emails for expiring CPR cards
billing               | Invoice dispute: seat count after the franchise split
integration_help      | Help with an API token for the roster sync
report                | Custom report: overdue modules by manager
credentialing         | Credentialing packet missing the DEA registration field
background_check      | Drug screen orders failing for out-of-state candidates
learning_compliance   | Learners see a retired course version
medium_risk_bug       | Mobile app shows a blank transcript page
training              | Refresher training for the new education coordinator
setup                 | Add two new departments and cost centers
template_upload       | Upload a new policy acknowledgement template
general               | Question about data retention for terminated staff
login_problem         | Students cannot reach the clinical rotation portal
regulatory_compliance | Accreditation survey next week: policy attestations missing
escalation            | Escalation: repeated outage complaints from the medical director
high_risk_bug         | Policy acknowledgements lost after a module update
sso_integration       | SCIM provisioning errors on the job title field
credentialing         | Board certification expiry dates not syncing
medium_risk_bug       | Scheduled training sessions shift by one hour
custom_coursework     | Custom course video will not play in Safari
general               | How to reassign a manager's direct reports
""",
    2,
)

_TICKET_DEPARTMENT = {
    Category.CREDENTIALING: "cred",
    Category.BACKGROUND_CHECK: "cred",
    Category.LEARNING_COMPLIANCE: "learn",
    Category.CUSTOM_COURSEWORK: "learn",
    Category.TEMPLATE_UPLOAD: "learn",
    Category.BILLING: "acct",
}

# How many tasks/tickets get each status (the totals match the templates above).
_TASK_STATUSES = {
    Status.OPEN: 12,
    Status.IN_PROGRESS: 11,
    Status.WAITING_FOR_CUSTOMER: 6,
    Status.DONE: 7,
    Status.CANCELLED: 2,
}
_TICKET_STATUSES = {
    Status.OPEN: 5,
    Status.IN_PROGRESS: 5,
    Status.WAITING_FOR_SUPPORT: 5,
    Status.WAITING_FOR_CUSTOMER: 5,
    Status.WAITING_FOR_ACCOUNT_MANAGER: 4,
    Status.WAITING_FOR_MANAGEMENT: 3,
    Status.DONE: 6,
    Status.CANCELLED: 2,
}
_URGENT = {
    Category.ESCALATION,
    Category.HIGH_RISK_BUG,
    Category.LOGIN_PROBLEM,
    Category.REGULATORY_COMPLIANCE,
}

_NEXT_STEPS = (
    "confirm the timeline with the department contact.",
    "update the admin once the change is live.",
    "check progress at the next follow-up (48 h).",
    "send the admin a summary and the task link.",
    "ask the admin for the missing details.",
)

# --------------------------------------------------------- communication log

_LOG_LINES: dict[Direction, tuple[str, ...]] = {
    Direction.INBOUND: (
        "Asked how to assign the annual compliance modules to a new department.",
        "Reported that two managers cannot see their team's transcripts.",
        "Sent the updated roster of new hires for import.",
        "Asked for a quote to add Background Checks for contractors.",
        "Confirmed the accreditation survey date and asked for the evidence pack.",
        "Reported learners locked out after the password policy change.",
        "Asked for the expiring-licenses report before the staff meeting.",
        "Thanked the team for the quick SSO fix.",
        "Asked whether custom coursework can include their own videos.",
        "Raised concerns about renewal pricing.",
    ),
    Direction.OUTBOUND: (
        "Walked the admin through assigning modules by job title.",
        "Sent the adoption review: three bought modules are not in use yet.",
        "Shared the training recording and the quick-start guide.",
        "Followed up on the open ticket and confirmed next steps.",
        "Proposed setting up Scheduling for the float pool.",
        "Confirmed the renewal date and the seat count on file.",
        "Sent the quarterly completion report.",
        "Booked the onboarding check-in for next week.",
        "Explained the credentialing alert settings.",
        "Sent the link to the task and the expected delivery date.",
    ),
    Direction.INTERNAL: (
        "Asked for a status update on the client's task; shared the task link.",
        "Flagged the ticket for the account manager per the escalation SOP.",
        "Agreed the content timeline for the new pages.",
        "Discussed the at-risk renewal and the save plan.",
        "Requested an estimate for the integration work.",
        "Shared the client's feedback on the review campaign.",
    ),
}
_CHANNEL_WEIGHTS: tuple[tuple[Channel, int], ...] = (
    (Channel.EMAIL, 30),
    (Channel.CALL, 14),
    (Channel.CHAT, 10),
    (Channel.MEETING, 10),
    (Channel.TICKET_COMMENT, 12),
    (Channel.SLACK, 8),
    (Channel.WHATSAPP, 6),
    (Channel.TASK_TOOL, 5),
    (Channel.TICKET, 5),
)
_INTERNAL_CHANNELS = frozenset({Channel.SLACK, Channel.TASK_TOOL})
COMM_LOG_ENTRIES = 120


# ---------------------------------------------------------------- helpers


def is_empty(db: Database) -> bool:
    """True when the database holds no accounts and no colleagues (safe to fill with the demo)."""
    with db.session() as s:
        return not s.scalar(select(exists().where(Account.id.is_not(None)))) and not s.scalar(
            select(exists().where(Colleague.id.is_not(None)))
        )


def demo_anchor(today: dt.date) -> dt.datetime:
    """Noon on the local wall clock of ``today``, in UTC: the "now" the demo is laid out around."""
    return _local(today, 0, 12)


def _local(today: dt.date, days: int, hour: int, minute: int = 0) -> dt.datetime:
    """``hour:minute`` local time, ``days`` after ``today``, as an aware UTC datetime."""
    day = today + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute)).astimezone(dt.UTC)


def _email(name: str, domain: str) -> str:
    ascii_name = name.replace("á", "a").replace("é", "e").replace("ó", "o").replace("í", "i")
    first, *rest = ascii_name.lower().replace("'", "").replace(".", "").split()
    last = rest[-1] if rest else ""
    return f"{first}.{last}@{domain}" if last else f"{first}@{domain}"


def _deal(rng: random.Random, counts: dict[Status, int]) -> list[Status]:
    statuses = [status for status, n in counts.items() for _ in range(n)]
    rng.shuffle(statuses)
    return statuses


def _pick(rng: random.Random, weighted: Sequence[tuple[Channel, int]]) -> Channel:
    return rng.choices([c for c, _ in weighted], weights=[w for _, w in weighted])[0]


@dataclass
class _Plan:
    """The dates and extras of one item, applied after ``save_item`` created it."""

    item_id: int
    status: Status
    created_at: dt.datetime
    status_changed_at: dt.datetime
    last_follow_up_at: dt.datetime | None
    done_at: dt.datetime | None
    prior_waiting_status: Status | None = None


# ---------------------------------------------------------------- builder


def build_demo(db: Database, today: dt.date | None = None, seed: int = 7) -> DemoSummary:
    """Fill an empty, migrated database with the fictional demo portfolio."""
    if not is_empty(db):
        raise KnownError(
            "The demo portfolio can only be loaded into an empty database; "
            "this one already has accounts or colleagues."
        )
    today = today or dt.date.today()
    rng = random.Random(seed)
    now = demo_anchor(today)

    # Directory: colleagues first (departments need their contacts), then departments.
    people: dict[str, int] = {}
    names: dict[str, str] = {}
    colleague_inputs: dict[str, tuple[ColleagueInput, str]] = {}
    for key, name, title, dept, roles, phone in _COLLEAGUES:
        data = ColleagueInput(
            name=name,
            email=_email(name, COMPANY_DOMAIN),
            phone=phone,
            title=title,
            roles={Role(r.strip()) for r in roles.split(",") if r.strip()},
        )
        people[key] = save_colleague(db, data)
        names[key] = name
        colleague_inputs[key] = (data, dept)
    departments: dict[str, int] = {}
    dept_contacts: dict[str, list[str]] = {}
    home_of: dict[str, str] = {}  # contact key -> the department they are a contact of
    for dept_key, colleague_key, _note in _CONTACTS:
        dept_contacts.setdefault(dept_key, []).append(colleague_key)
        home_of[colleague_key] = dept_key
    for dept_key, name, description, routing in _DEPARTMENTS:
        departments[dept_key] = save_department(
            db,
            DepartmentInput(
                name=name,
                description=description,
                routing_notes=routing,
                contacts=[
                    ContactInput(people[c], is_primary=n == 0, routing_note=note)
                    for n, (_d, c, note) in enumerate(r for r in _CONTACTS if r[0] == dept_key)
                ],
            ),
        )
    for key, (data, dept) in colleague_inputs.items():  # now that the departments exist
        data.id, data.department_id = people[key], departments[dept]
        save_colleague(db, data)

    # Products and accounts.
    products = [save_product(db, name, paid_extra == "yes") for name, paid_extra in _PRODUCTS]
    # Renewals spread over the next 12 months; a few fall within 60 days.
    renewal_days = [
        max(3, min(364, 8 + round(i * 345 / len(_ACCOUNTS)) + rng.randint(-4, 4)))
        for i in range(len(_ACCOUNTS))
    ]
    rng.shuffle(renewal_days)
    accounts: dict[str, int] = {}
    account_am: dict[int, str] = {}
    account_queue: dict[int, str] = {}
    high_seen = 0
    for (name, domain, seats, stage, health, profile, queue, am), renew in zip(
        _ACCOUNTS, renewal_days, strict=True
    ):
        bought = [products[0], *rng.sample(products[1:], rng.randint(2, 6))]
        if profile == "high":  # every bought module in use, but for one in three of them
            high_seen += 1
            used = set(bought[:-1]) if high_seen % 3 == 0 else set(bought)
        elif profile == "mid":
            used = set(bought[: max(2, (len(bought) * 2 + 2) // 3)])
        else:
            used = set(bought[: max(1, len(bought) // 3)])
        aid = save_account(
            db,
            AccountInput(
                name=name,
                external_id=f"SF-{1000 + len(accounts) * 37 + rng.randint(0, 30):05d}",
                parent_id=accounts[_FRANCHISE] if name.startswith(_CHILD_PREFIX) else None,
                paid_seats=int(seats),
                stage=LifecycleStage(stage),
                health=Health(health),
                renewal_date=today + dt.timedelta(days=renew),
                account_manager_id=people[am],
                regional_manager_id=people[_RM_OF[am]],
                website=f"https://www.{domain}.example",
                notes=_ACCOUNT_NOTES.get(name, ""),
                products=[ProductInput(p, bought=True, in_use=p in used) for p in bought],
            ),
            changed_by=CSM_NAME,
        )
        accounts[name] = aid
        account_am[aid] = am
        account_queue[aid] = queue

    # Customer admins: 1-3 per account, the first one primary.
    admins: dict[int, list[tuple[int, str]]] = {}
    used_names: set[str] = set()
    for name, domain, *_ in _ACCOUNTS:
        aid = accounts[name]
        admins[aid] = []
        for n in range(rng.choice((1, 2, 2, 3))):
            while True:
                person = f"{rng.choice(_FIRST_NAMES)} {rng.choice(_LAST_NAMES)}"
                if person not in used_names:
                    break
            used_names.add(person)
            admin_id = save_admin(
                db,
                AdminInput(
                    account_id=aid,
                    name=person,
                    email=_email(person, f"{domain}.example"),
                    phone=""
                    if n == 2
                    else f"+1 ({rng.randint(201, 989)}) 555-01{rng.randint(0, 99):02d}",
                    title=rng.choice(_ADMIN_TITLES),
                    is_primary=n == 0,
                ),
            )
            admins[aid].append((admin_id, person))

    # Tasks and tickets.
    kinds = {k.name: k.id for k in list_kinds(db)}
    me, css, fallback = people["me"], people["css"], people["fallback"]
    account_ids = list(accounts.values())
    account_names = {v: k for k, v in accounts.items()}
    item_accounts: dict[int, int] = {}
    plans: list[_Plan] = []
    n_tasks = n_tickets = 0

    work: list[tuple[ItemType, Category, str, str, str]] = [
        (ItemType.TASK, Category(cat), dept, kind, title) for dept, kind, cat, title in _TASKS
    ] + [
        (
            ItemType.TICKET,
            Category(cat),
            _TICKET_DEPARTMENT.get(Category(cat), "support"),
            "",
            title,
        )
        for cat, title in _TICKETS
    ]
    task_statuses = _deal(rng, _TASK_STATUSES)
    ticket_statuses = _deal(rng, _TICKET_STATUSES)
    # Due buckets for the open items: overdue, today, soon, later (R3, Today screen).
    n_open = sum(n for s, n in _TASK_STATUSES.items() if s not in CLOSED_STATUSES) + sum(
        n for s, n in _TICKET_STATUSES.items() if s not in CLOSED_STATUSES
    )
    buckets = ["overdue"] * (n_open // 5) + ["today"] * (n_open // 9)
    buckets += ["soon"] * (n_open // 4)
    buckets += ["later"] * (n_open - len(buckets))
    rng.shuffle(buckets)
    n_open_tickets = sum(n for s, n in _TICKET_STATUSES.items() if s not in CLOSED_STATUSES)
    stale_flags = [i < n_open_tickets * 2 // 5 for i in range(n_open_tickets)]
    rng.shuffle(stale_flags)
    ticket_numbers = {"SS": 1040, "EBH": 310, "PTO": 215}
    teamwork_id = 24_318_400
    prior_waiting_done = fallback_shown = False

    for item_type, category, dept, kind, title in work:
        is_ticket = item_type is ItemType.TICKET
        status = ticket_statuses.pop() if is_ticket else task_statuses.pop()
        waiting_on_am = status in (
            Status.WAITING_FOR_ACCOUNT_MANAGER,
            Status.WAITING_FOR_MANAGEMENT,
        )
        if waiting_on_am and not fallback_shown:  # show R6 on a ticket waiting on the AM
            aid = rng.choice([a for a in account_ids if account_am[a] == _RM_OF[account_am[a]]])
            fallback_shown = True
        else:
            aid = rng.choice(account_ids)
        am_key = account_am[aid]
        contacts = dept_contacts.get(dept, [dept])  # a department, or one named contact
        doer = rng.choice(contacts) if is_ticket else contacts[0]
        assignees = [people[doer], me, css]
        if is_ticket and dept != "support":
            assignees.insert(1, people[rng.choice(dept_contacts["support"])])
        wants_prior = is_ticket and status is Status.WAITING_FOR_SUPPORT and not prior_waiting_done
        with_am = is_ticket and (
            waiting_on_am or wants_prior or category is Category.ESCALATION or rng.random() < 0.35
        )
        am_id = people[am_key] if with_am else None
        rm_key = _RM_OF[am_key]
        # R6: when the AM is also the RM, the RM field holds the escalation fallback.
        rm_id = (fallback if rm_key == am_key else people[rm_key]) if with_am else None
        if category in _URGENT or waiting_on_am:
            priority = rng.choice((Priority.HIGHEST, Priority.HIGH, Priority.HIGH))
        else:
            priority = rng.choice(
                (Priority.MEDIUM, Priority.MEDIUM, Priority.LOW, Priority.HIGH, Priority.LOWEST)
            )
        if is_ticket:
            queue = account_queue[aid]
            ticket_numbers[queue] += rng.randint(1, 23)
            key = f"{queue}-{ticket_numbers[queue]}"
            url = JIRA_URL.format(key)
            channels = [Channel.TICKET]
            if rng.random() < 0.4:
                channels.append(rng.choice((Channel.EMAIL, Channel.CHAT, Channel.CALL)))
        else:
            key = ""
            teamwork_id += rng.randint(3, 400)
            url = TEAMWORK_URL.format(teamwork_id)
            channels = [Channel.TASK_TOOL]
            if rng.random() < 0.5:
                channels.append(rng.choice((Channel.SLACK, Channel.EMAIL, Channel.WHATSAPP)))

        # Dates, on the local wall clock around ``now``.
        follow_up: dt.datetime | None = None
        done_at: dt.datetime | None = None
        hours = (10, 12, 15, 17)
        if status in CLOSED_STATUSES:
            done_day = -rng.randint(1, 25)
            done_at = _local(today, done_day, rng.randint(9, 17), rng.choice((0, 30)))
            due = _local(today, done_day + rng.randint(-2, 3), rng.choice(hours))
            created = _local(today, done_day - rng.randint(3, 20), rng.randint(8, 17))
            changed = done_at
            follow_up = done_at if is_ticket else None
        else:
            bucket = buckets.pop()
            if bucket == "overdue":
                due_day = -rng.randint(1, 6)
            elif bucket == "today":
                due_day = 0
            elif bucket == "soon":
                due_day = rng.randint(1, 4)
            else:
                due_day = rng.randint(5, 30)
            due = _local(today, due_day, 17 if due_day == 0 else rng.choice(hours))
            follow_up_day: int | None = None
            if is_ticket:  # R4: stale when not followed up for more than 48 hours
                follow_up_day = -rng.randint(3, 8) if stale_flags.pop() else -1
            elif rng.random() < 0.5:
                follow_up_day = -rng.randint(1, 2)
            if follow_up_day is not None:
                follow_up = _local(
                    today, follow_up_day, rng.randint(9, 17), rng.choice((0, 15, 30, 45))
                )
            created_day = min(due_day, follow_up_day or -1, -1) - rng.randint(1, 12)
            created = _local(today, created_day, rng.randint(8, 17), rng.choice((0, 20, 40)))
            if status is Status.OPEN:
                changed = created
            else:  # the status changed after creation, before the last follow-up
                until = follow_up_day if follow_up_day is not None else -1
                changed_day = rng.randint(created_day + 1, until)
                changed = _local(today, changed_day, 8 if changed_day == until else 13)

        item_id = save_item(
            db,
            ItemInput(
                title=title,
                item_type=item_type,
                description=f"{title}, for {account_names[aid]}. "
                f"Next step: {rng.choice(_NEXT_STEPS)}",
                account_id=aid,
                department_id=departments[home_of[doer]],
                kind_id=kinds.get(kind) if kind else None,
                status=status,
                priority=priority,
                category=category,
                channels=channels,
                external_url=url,
                external_key=key,
                assignee_ids=assignees,
                follower_ids=[me, css] if is_ticket else [],
                account_manager_id=am_id,
                regional_manager_id=rm_id,
                due_at=due,
            ),
            actor=CSM_NAME,
        )
        plan = _Plan(item_id, status, created, changed, follow_up, done_at)
        if wants_prior:  # R9: the customer replied while the AM's answer is still outstanding
            plan.prior_waiting_status = Status.WAITING_FOR_ACCOUNT_MANAGER
            prior_waiting_done = True
        plans.append(plan)
        item_accounts[item_id] = aid
        if is_ticket:
            n_tickets += 1
        else:
            n_tasks += 1

    # What no service covers: history dates, follow-ups, the communication log.
    n_log = _backfill(db, rng, today, now, plans, accounts, admins, item_accounts, people, names)

    # Fresh conversations, so that the SLA clocks have something close to breaching.
    for title, channel, minutes_ago in (
        ("Chat: admin asks how to reset a learner's password", Channel.CHAT, 24),
        ("Chat: which report shows overdue compliance modules?", Channel.CHAT, 12),
    ):
        fresh = save_item(
            db,
            ItemInput(
                title,
                item_type=ItemType.TASK,
                category=Category.GENERAL,
                channels=[channel, Channel.TASK_TOOL],
                external_url=f"https://example.teamwork.com/app/tasks/{teamwork_id + minutes_ago}",
                account_id=account_ids[len(title) % len(account_ids)],
                assignee_ids=[people[dept_contacts["support"][0]], me, css],
                department_id=departments["support"],
                due_at=now + dt.timedelta(hours=4),
            ),
            actor=CSM_NAME,
        )
        created = now - dt.timedelta(minutes=minutes_ago)
        with db.session() as s:
            item = s.get_one(WorkItem, fresh)
            item.created_at = item.status_changed_at = item.updated_at = created
            for event in item.events:
                event.at = created
        n_tasks += 1

    set_setting(db, "csm_name", CSM_NAME)
    set_setting(db, "support_email", SUPPORT_EMAIL)
    set_setting(db, "support_phone", SUPPORT_PHONE)

    return DemoSummary(
        colleagues=len(people),
        departments=len(departments),
        products=len(products),
        accounts=len(accounts),
        admins=sum(len(a) for a in admins.values()),
        tasks=n_tasks,
        tickets=n_tickets,
        comm_log_entries=n_log,
    )


def _backfill(
    db: Database,
    rng: random.Random,
    today: dt.date,
    now: dt.datetime,
    plans: list[_Plan],
    accounts: dict[str, int],
    admins: dict[int, list[tuple[int, str]]],
    item_accounts: dict[int, int],
    people: dict[str, int],
    names: dict[str, str],
) -> int:
    """Back-date items and accounts, add follow-ups and lifecycle history, write the log."""
    with db.session() as s:
        items = {
            i.id: i
            for i in s.scalars(
                select(WorkItem)
                .where(WorkItem.id.in_([p.item_id for p in plans]))
                .options(selectinload(WorkItem.events))
            )
        }
        for p in plans:
            item = items[p.item_id]
            item.created_at = p.created_at
            item.status_changed_at = p.status_changed_at
            item.last_follow_up_at = p.last_follow_up_at
            item.done_at = p.done_at
            item.prior_waiting_status = p.prior_waiting_status
            # R8: the AM's response time runs from when the ticket first waited on the AM.
            waits_on_am = Status.WAITING_FOR_ACCOUNT_MANAGER in (p.status, p.prior_waiting_status)
            item.escalation_clock_at = p.status_changed_at if waits_on_am else None
            item.updated_at = max(
                d for d in (p.created_at, p.status_changed_at, p.last_follow_up_at) if d
            )
            for event in item.events:
                event.at = p.created_at
                event.to_status = Status.OPEN
            if p.status is not Status.OPEN:
                item.events.append(
                    ItemEvent(
                        kind=ItemEventKind.STATUS_CHANGE,
                        at=p.status_changed_at,
                        from_status=Status.OPEN,
                        to_status=p.status,
                        actor=CSM_NAME,
                    )
                )
            if p.status is Status.WAITING_FOR_MANAGEMENT:
                item.events.append(
                    ItemEvent(
                        kind=ItemEventKind.ESCALATION,
                        at=p.status_changed_at,
                        note="The account manager did not answer in time: "
                        "escalated to management (seed 003).",
                        actor=CSM_NAME,
                    )
                )
            if p.last_follow_up_at is not None and p.done_at is None:
                item.events.append(
                    ItemEvent(
                        kind=ItemEventKind.FOLLOW_UP,
                        at=p.last_follow_up_at,
                        channel=Channel.TICKET_COMMENT
                        if item.item_type is ItemType.TICKET
                        else Channel.TASK_TOOL,
                        note="Followed up with the department contact.",
                        actor=rng.choice((CSM_NAME, names["css"])),
                    )
                )

        # Accounts: creation dates and the lifecycle stage history.
        for a in s.scalars(
            select(Account)
            .where(Account.id.in_(list(accounts.values())))
            .options(selectinload(Account.stage_history), selectinload(Account.products))
            .order_by(Account.id)
        ):
            stage_index = STAGE_PATH.index(a.lifecycle_stage)
            if a.lifecycle_stage is LifecycleStage.ONBOARDING:
                created = now - dt.timedelta(days=rng.randint(12, 75))
            else:
                created = now - dt.timedelta(days=rng.randint(200, 1400))
            created = created.replace(minute=0, second=0, microsecond=0)
            a.created_at = created
            a.updated_at = now - dt.timedelta(days=rng.randint(1, 10))
            for link in a.products:
                link.since = (created + dt.timedelta(days=rng.randint(0, 60))).date()
            path = STAGE_PATH[: stage_index + 1]
            if a.lifecycle_stage is LifecycleStage.HANDOFF:
                path = (LifecycleStage.ONBOARDING, LifecycleStage.ADOPTION, LifecycleStage.HANDOFF)
            span = (now - dt.timedelta(days=3)) - created
            for stage_event in a.stage_history:  # save_account wrote it: the current stage
                stage_event.changed_at = created + span * (len(path) - 1) / len(path)
            for n, stage in enumerate(path[:-1]):
                a.stage_history.append(
                    LifecycleEvent(
                        stage=stage,
                        changed_at=created + span * n / len(path),
                        changed_by=CSM_NAME,
                        note="Imported with the demo portfolio.",
                    )
                )

        # Communication log: the past 60 days.
        items_of: dict[int, list[int]] = {}
        for item_id, aid in item_accounts.items():
            items_of.setdefault(aid, []).append(item_id)
        account_ids = sorted(accounts.values())
        internal_people = [k for k in people if k not in ("me", "css")]
        channels = [c for c, _ in _CHANNEL_WEIGHTS]
        entries: list[CommLogEntry] = []
        for n in range(COMM_LOG_ENTRIES):
            channel = channels[n] if n < len(channels) else _pick(rng, _CHANNEL_WEIGHTS)
            if channel in _INTERNAL_CHANNELS or (n % 7 == 3):
                direction = Direction.INTERNAL
            elif n % 3 == 0:
                direction = Direction.INBOUND
            else:
                direction = Direction.OUTBOUND
            aid = rng.choice(account_ids)
            admin_id: int | None = None
            if direction is Direction.INTERNAL:
                counterpart = names[rng.choice(internal_people)]
            else:
                admin_id, counterpart = rng.choice(admins[aid])
            linked = rng.choice(items_of[aid]) if aid in items_of and rng.random() < 0.35 else None
            when = _local(
                today, -rng.randint(1, 59), rng.randint(8, 17), rng.choice((0, 10, 25, 40, 55))
            )
            summary = rng.choice(_LOG_LINES[direction])
            entries.append(
                CommLogEntry(
                    account_id=aid,
                    item_id=linked,
                    admin_id=admin_id,
                    channel=channel,
                    direction=direction,
                    counterpart=counterpart,
                    summary=summary,
                    occurred_at=when,
                    created_at=when + dt.timedelta(minutes=rng.randint(2, 90)),
                )
            )
        entries.sort(key=lambda e: e.occurred_at)
        s.add_all(entries)
    return len(entries)
