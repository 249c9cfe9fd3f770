import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Workflow } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { TaskList } from "@/components/sequences/task-list";
import { listSequences } from "@/server/sequences/service";
import { listMyTasks } from "@/server/sequences/tasks";
import { getActor, getViewerTimeZone } from "@/server/access/page-actor";

export const metadata: Metadata = { title: "Sequences" };

const STATUS_VARIANT = { ACTIVE: "success", PAUSED: "warning", DRAFT: "secondary", ARCHIVED: "outline" } as const;

export default async function SequencesPage() {
  const [actor, viewerTimeZone] = await Promise.all([getActor(), getViewerTimeZone()]);
  if (!actor.event) return <EmptyState icon={Workflow} title="No event yet">Create an event to build sequences.</EmptyState>;
  const { event } = actor;
  const [sequences, tasks] = await Promise.all([listSequences(actor), listMyTasks(actor)]);
  return (
    <>
      <PageHeader
        title="Sequences"
        description="Multi-step outreach that sends each step when it is due, and stops when someone replies or books a meeting."
        actions={<Button asChild><Link href="/dashboard/sequences/new"><Plus /> New sequence</Link></Button>}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_380px]">
        <div className="grid gap-3 content-start">
          {sequences.length === 0 ? (
            <EmptyState icon={Workflow} title="No sequences yet">Build one: a first email, a LinkedIn touch, a follow-up.</EmptyState>
          ) : sequences.map((s) => (
            <Card key={s.id}>
              <CardContent className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <Link href={`/dashboard/sequences/${s.id}`} className="flex items-center gap-2 font-medium hover:underline">
                    {s.name} <Badge variant={STATUS_VARIANT[s.status]}>{s.status.charAt(0) + s.status.slice(1).toLowerCase()}</Badge>
                  </Link>
                  <p className="line-clamp-2 text-sm text-muted-foreground">{s.stepCount} {s.stepCount === 1 ? "step" : "steps"}{s.owner?.name ? ` · by ${s.owner.name}` : ""}{s.description ? ` · ${s.description}` : ""}</p>
                </div>
                <dl className="grid shrink-0 grid-cols-4 gap-4 text-center text-sm">
                  {[["Enrolled", s.enrolled], ["Active", s.active], ["Replied", s.replied], ["Done", s.completed]].map(([label, value]) => (
                    <div key={label} className="min-w-14"><dt className="text-xs text-muted-foreground">{label}</dt><dd className="font-semibold tabular-nums">{value}</dd></div>
                  ))}
                </dl>
              </CardContent>
            </Card>
          ))}
        </div>
        <Card className="content-start" data-testid="tasks-today">
          <CardHeader><CardTitle>Your tasks today ({tasks.total})</CardTitle></CardHeader>
          <CardContent>
            <TaskList timeZone={viewerTimeZone} tasks={tasks.items.map((t) => ({ ...t, dueAt: t.dueAt.toISOString() }))} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
