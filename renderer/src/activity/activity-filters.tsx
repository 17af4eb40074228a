import { FilterX } from 'lucide-react';
import { useId } from 'react';
import { Button } from '../components/button';
import { runStatusLabel } from '../flows/flow-labels';
import {
  ANY,
  flowOptions,
  isFiltered,
  NO_FILTER,
  RUN_STATUSES,
  type ActivityFilter,
  type ProjectName,
} from './activity-model';

/** Props of {@link ActivityFilters}. */
export interface ActivityFiltersProps {
  filter: ActivityFilter;
  projects: ProjectName[];
  onChange: (filter: ActivityFilter) => void;
}

/** The project, flow and status filters, each a labelled select, and "Clear filters". */
export function ActivityFilters({ filter, projects, onChange }: ActivityFiltersProps) {
  const id = useId();
  return (
    <div className="activity-filters" role="group" aria-label="Filter runs">
      <div className="field activity-filters__field">
        <label className="field__label" htmlFor={`${id}-project`}>
          Project
        </label>
        <select
          id={`${id}-project`}
          className="select"
          value={filter.projectId}
          onChange={(event) => onChange({ ...filter, projectId: event.target.value })}
        >
          <option value={ANY}>All projects</option>
          {projects.map((project) => (
            <option key={project.id} value={project.id}>
              {project.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field activity-filters__field">
        <label className="field__label" htmlFor={`${id}-flow`}>
          Flow
        </label>
        <select
          id={`${id}-flow`}
          className="select"
          value={filter.flow}
          onChange={(event) => onChange({ ...filter, flow: event.target.value as ActivityFilter['flow'] })}
        >
          <option value={ANY}>All flows</option>
          {flowOptions().map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field activity-filters__field">
        <label className="field__label" htmlFor={`${id}-status`}>
          Status
        </label>
        <select
          id={`${id}-status`}
          className="select"
          value={filter.status}
          onChange={(event) => onChange({ ...filter, status: event.target.value as ActivityFilter['status'] })}
        >
          <option value={ANY}>Any status</option>
          {RUN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {runStatusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <Button
        variant="ghost"
        icon={FilterX}
        className="activity-filters__clear"
        aria-disabled={!isFiltered(filter)}
        onClick={() => (isFiltered(filter) ? onChange(NO_FILTER) : undefined)}
      >
        Clear filters
      </Button>
    </div>
  );
}
