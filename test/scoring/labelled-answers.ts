/**
 * Answers written for these tests, each labelled with what a human reviewer would call it. The tests check that the
 * offline scorer orders and flags them the way the label says.
 */
export interface LabelledAnswers {
  questionId: string;
  strong: string;
  weak: string;
  offTopic: string;
  keywords: string;
}

export const LABELLED: readonly LabelledAnswers[] = [
  {
    questionId: 'fe-react-state-01',
    strong:
      'Props are the inputs that a parent passes down to a child component, and the child treats them as read-only. ' +
      'State is data that the component owns itself, usually created with useState, and it changes over time; when it ' +
      'changes, React re-renders the component and its children. I lift state up when two sibling components need the ' +
      'same data, because keeping two copies means they can drift apart. For example, a search box and the results list ' +
      'both depend on the query, so I move the query state to their common parent and pass it down as props, together ' +
      'with a callback that updates it. The trade-off is that the parent re-renders more often, but there is a single ' +
      'source of truth.',
    weak: 'Props are passed from the parent and state is inside the component. You use state for things that change.',
    offTopic:
      'I would back up the database every night with a cron job and copy the dump to another region. Restores should ' +
      'be tested every month so we know the backups actually work and how long they take.',
    keywords: 'props, state, useState, lifting state up, parent, re-render, immutable, common ancestor',
  },
  {
    questionId: 'be-caching-01',
    strong:
      'I would use the cache-aside pattern with Redis as a shared cache. On a read the service first checks the cache; ' +
      'on a miss it queries the database, stores the result with a TTL, and returns it. The TTL limits how stale data ' +
      'can get even if an invalidation is missed. On writes I update the database and then delete the affected keys, so ' +
      'the next read repopulates them, because deleting avoids a race where two writers leave an old value behind. For ' +
      'example, in my last project we cached dashboard summaries for 60 seconds. For hot keys I protect against a cache ' +
      'stampede with request coalescing. The trade-off is consistency: readers may briefly see stale data, so I only ' +
      'cache data that tolerates that.',
    weak: 'I would put Redis in front of the database and set an expiry on the keys so the data refreshes.',
    offTopic:
      'My favourite part of React is hooks. I use useState for component state and useEffect to fetch things when the ' +
      'component mounts, and I like function components more than classes.',
    keywords: 'Redis cache-aside TTL invalidation stampede write-through',
  },
  {
    questionId: 'da-window-functions-01',
    strong:
      'A window function computes a value over a set of related rows without collapsing them the way GROUP BY does, so ' +
      'every row keeps its detail. The OVER clause defines the window with PARTITION BY and ORDER BY. To find the most ' +
      'recent order per customer, I use ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at DESC) as rn in a ' +
      'CTE and then keep the rows where rn = 1. If two orders share a timestamp the result is not deterministic, so I ' +
      'add the order id as a tie-breaker, or use RANK when ties should all be returned. For example, we used LAG and ' +
      'running totals in the same way to compare each month with the previous one, because it avoids a self join. ' +
      'However, window functions run after filtering, so they cannot be used directly in WHERE.',
    weak: 'Window functions are like GROUP BY but different. I would use MAX on the order date.',
    offTopic:
      'To deploy the service I would build a Docker image in the pipeline, push it to the registry, and roll it out ' +
      'to the cluster with a canary so we can watch the error rate before sending all traffic.',
    keywords: 'ROW_NUMBER, PARTITION BY, ORDER BY DESC, OVER, RANK, LAG, running total',
  },
  {
    questionId: 'do-k8s-probes-01',
    strong:
      'A liveness probe tells Kubernetes whether the container is still healthy; if it keeps failing, the kubelet ' +
      'restarts the container, which helps when a process is stuck in a deadlock. A readiness probe decides whether ' +
      'the pod receives traffic: while it fails, the pod is removed from the service endpoints but not restarted, for ' +
      'example during warm up. The liveness check should be lightweight and only test the process itself, because if ' +
      'it checks the database, a short database outage makes every pod restart at once and you get a cascading outage. ' +
      'Timeouts that are too aggressive cause restart loops and CrashLoopBackOff under load, so slow-starting apps ' +
      'need a startup probe.',
    weak: 'Liveness restarts the pod when it fails and readiness is for traffic. You should configure both.',
    offTopic:
      'For a sales report I would group the orders by region and month, then compute the total revenue and the average ' +
      'basket size in SQL, and show the result in a dashboard for the finance team.',
    keywords: 'liveness, readiness, startup probe, restart, endpoints, CrashLoopBackOff',
  },
  {
    questionId: 'bh-disagreement-01',
    strong:
      'At my previous company I disagreed with my teammate Priya about how to send notifications: she wanted a message ' +
      'queue and I thought a database table with a scheduled job was enough. I was responsible for designing that part, ' +
      'so I needed us to agree before building. I asked her to explain her reasons and listened; she was worried about ' +
      'traffic spikes. I proposed that we measure instead of arguing, so I wrote a benchmark with our expected peak load ' +
      'and we listed the trade-offs together. The numbers showed the table handled ten times our peak. In the end we ' +
      'agreed on the simpler design with a threshold for adding the queue later, and we shipped on time. I learned that ' +
      'data settles disagreements faster than opinions.',
    weak: 'I once disagreed with a coworker about a library. We talked about it and picked one.',
    offTopic:
      'Kubernetes liveness probes restart containers and readiness probes control traffic. Both should be configured ' +
      'carefully with sensible timeouts for every deployment.',
    keywords: 'disagreement, listening, compromise, data, benchmark, agreed',
  },
];

export function labelled(questionId: string): LabelledAnswers {
  const found = LABELLED.find((l) => l.questionId === questionId);
  if (found === undefined) throw new Error(`no labelled answers for ${questionId}`);
  return found;
}
