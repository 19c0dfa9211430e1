"""Mounting a portal flow's task pages."""

from viewflow.workflow.flow import FlowViewset


class PortalFlowViewset(FlowViewset):
    """Mounts only the flow's task pages (workflows.core.nodes.PortalTask); viewflow's own dashboard,
    lists and charts (Material frontend) are left out: the portal has its own inbox and lists.
    ``parent_namespace`` is the namespace of the flow's urls.py."""

    index_path = None
    process_list_path = None
    process_detail_path = None
    process_cancel_path = None
    task_list_path = None
    chart_path = None
    flow_chart_path = None

    def __init__(self, flow_class, *, namespace: str):
        self.parent_namespace = namespace
        super().__init__(flow_class)
